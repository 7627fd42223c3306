using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>The queue of large watchlist uploads imported in the background, with their progress and outcome.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001610_DueDiligenceJobs")]
public sealed class DueDiligenceJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WatchlistImport",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WatchlistId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 300, nullable: false),
                Content = table.Column<byte[]>(nullable: true),
                MappingJson = table.Column<string>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                RowsTotal = table.Column<int>(nullable: false),
                RowsSaved = table.Column<int>(nullable: false),
                QueuedByUserId = table.Column<Guid>(nullable: true),
                QueuedBy = table.Column<string>(maxLength: 200, nullable: false),
                QueuedUtc = table.Column<DateTime>(nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: true),
                FinishedUtc = table.Column<DateTime>(nullable: true),
                VersionId = table.Column<Guid>(nullable: true),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WatchlistImport", x => x.Id);
                table.ForeignKey("FK_WatchlistImport_Watchlist_WatchlistId", x => x.WatchlistId, "Watchlist", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WatchlistImport_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_WatchlistImport_WatchlistId", table: "WatchlistImport", column: "WatchlistId");
        migrationBuilder.CreateIndex(name: "IX_WatchlistImport_State", table: "WatchlistImport", column: "State");
        migrationBuilder.CreateIndex(name: "IX_WatchlistImport_TenantId", table: "WatchlistImport", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "WatchlistImport");
}
