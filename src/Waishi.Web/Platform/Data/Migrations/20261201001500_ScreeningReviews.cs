using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Each tenant's reviews of screening hits, the memory of its decisions, and the entry-set
/// stamp its subjects were last screened with.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001500_ScreeningReviews")]
public sealed class ScreeningReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ScreeningReview",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectType = table.Column<string>(maxLength: 16, nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                ScreenedName = table.Column<string>(maxLength: 500, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                EntryKind = table.Column<string>(maxLength: 16, nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                EntryName = table.Column<string>(maxLength: 500, nullable: false),
                EntryCountryCode = table.Column<string>(maxLength: 2, nullable: true),
                ListName = table.Column<string>(maxLength: 200, nullable: true),
                Score = table.Column<double>(nullable: false),
                MatchKind = table.Column<string>(maxLength: 24, nullable: false),
                MatchedName = table.Column<string>(maxLength: 500, nullable: false),
                EditDistance = table.Column<int>(nullable: false),
                Branch = table.Column<string>(maxLength: 200, nullable: true),
                CountryDiffers = table.Column<bool>(nullable: false),
                Explanation = table.Column<string>(maxLength: 1000, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                Remembered = table.Column<bool>(nullable: false),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecidedBy = table.Column<string>(maxLength: 200, nullable: true),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScreeningReview", x => x.Id);
                table.ForeignKey("FK_ScreeningReview_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ScreeningReview_TenantId_SubjectType_SubjectId", table: "ScreeningReview", columns: ["TenantId", "SubjectType", "SubjectId"]);
        migrationBuilder.CreateIndex(name: "IX_ScreeningReview_TenantId_State", table: "ScreeningReview", columns: ["TenantId", "State"]);

        migrationBuilder.CreateTable(
            name: "ScreeningDecision",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NormalisedName = table.Column<string>(maxLength: 500, nullable: false),
                EntryKind = table.Column<string>(maxLength: 16, nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecidedBy = table.Column<string>(maxLength: 200, nullable: false),
                DecidedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScreeningDecision", x => x.Id);
                table.ForeignKey("FK_ScreeningDecision_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ScreeningDecision_TenantId_NormalisedName_EntryKind_EntryId", table: "ScreeningDecision",
            columns: ["TenantId", "NormalisedName", "EntryKind", "EntryId"], unique: true);

        migrationBuilder.CreateTable(
            name: "ScreeningRun",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Stamp = table.Column<long>(nullable: false),
                ScreenedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScreeningRun", x => x.Id);
                table.ForeignKey("FK_ScreeningRun_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ScreeningRun_TenantId", table: "ScreeningRun", column: "TenantId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ScreeningRun");
        migrationBuilder.DropTable(name: "ScreeningDecision");
        migrationBuilder.DropTable(name: "ScreeningReview");
    }
}
