using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Due diligence: institution risk profiles with addresses and sources, the per-tenant
/// "profiles changed" stamp, and watchlists with their versions and entries.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001400_DueDiligence")]
public sealed class DueDiligence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InstitutionProfile",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NameEn = table.Column<string>(maxLength: 300, nullable: false),
                NameZh = table.Column<string>(maxLength: 300, nullable: true),
                Aliases = table.Column<string>(maxLength: 4000, nullable: true),
                SearchText = table.Column<string>(maxLength: 8000, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                City = table.Column<string>(maxLength: 200, nullable: true),
                RiskLevel = table.Column<string>(maxLength: 16, nullable: false),
                RiskRationale = table.Column<string>(maxLength: 500, nullable: true),
                RiskSourceId = table.Column<Guid>(nullable: true),
                Categories = table.Column<int>(nullable: false),
                Summary = table.Column<string>(nullable: true),
                SupervisingAgencies = table.Column<string>(nullable: true),
                DefenceLaboratories = table.Column<string>(nullable: true),
                DefenceResearchAreas = table.Column<string>(nullable: true),
                SecurityCredentials = table.Column<string>(nullable: true),
                DefenceLinks = table.Column<string>(nullable: true),
                InternationalCollaborations = table.Column<string>(nullable: true),
                ResearchTopics = table.Column<string>(nullable: true),
                Subsidiaries = table.Column<string>(nullable: true),
                LastReviewedOn = table.Column<DateOnly>(nullable: true),
                ReviewerName = table.Column<string>(maxLength: 200, nullable: true),
                PartnerId = table.Column<Guid>(nullable: true),
                ExternalUuid = table.Column<string>(maxLength: 36, nullable: true),
                ContentHash = table.Column<string>(maxLength: 64, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstitutionProfile", x => x.Id);
                table.ForeignKey("FK_InstitutionProfile_Partner_PartnerId", x => x.PartnerId, "Partner", "Id", onDelete: ReferentialAction.SetNull);
                Restrict(table, "InstitutionProfile", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_InstitutionProfile_TenantId_ExternalUuid", table: "InstitutionProfile", columns: ["TenantId", "ExternalUuid"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_InstitutionProfile_TenantId_RiskLevel", table: "InstitutionProfile", columns: ["TenantId", "RiskLevel"]);
        migrationBuilder.CreateIndex(name: "IX_InstitutionProfile_PartnerId", table: "InstitutionProfile", column: "PartnerId");

        migrationBuilder.CreateTable(
            name: "ProfileAddress",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProfileId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfileAddress", x => x.Id);
                Cascade(table, "ProfileAddress", "ProfileId", "InstitutionProfile", x => x.ProfileId);
                Restrict(table, "ProfileAddress", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProfileAddress", "ProfileId");

        migrationBuilder.CreateTable(
            name: "ProfileSource",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProfileId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Url = table.Column<string>(maxLength: 1000, nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfileSource", x => x.Id);
                Cascade(table, "ProfileSource", "ProfileId", "InstitutionProfile", x => x.ProfileId);
                Restrict(table, "ProfileSource", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProfileSource", "ProfileId");

        migrationBuilder.CreateTable(
            name: "DueDiligenceStamp",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Value = table.Column<long>(nullable: false),
                ChangedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DueDiligenceStamp", x => x.Id);
                Restrict(table, "DueDiligenceStamp", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_DueDiligenceStamp_TenantId", table: "DueDiligenceStamp", column: "TenantId", unique: true);

        migrationBuilder.CreateTable(
            name: "Watchlist",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                Source = table.Column<string>(maxLength: 500, nullable: true),
                MappingJson = table.Column<string>(nullable: true),
                CurrentVersionId = table.Column<Guid>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Watchlist", x => x.Id);
                Restrict(table, "Watchlist", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_Watchlist_TenantId_Name", table: "Watchlist", columns: ["TenantId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "WatchlistVersion",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WatchlistId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                ImportedUtc = table.Column<DateTime>(nullable: false),
                ImportedBy = table.Column<string>(maxLength: 200, nullable: false),
                FileName = table.Column<string>(maxLength: 300, nullable: false),
                EntryCount = table.Column<int>(nullable: false),
                Added = table.Column<int>(nullable: false),
                Removed = table.Column<int>(nullable: false),
                Changed = table.Column<int>(nullable: false),
                BadRows = table.Column<int>(nullable: false),
                Problems = table.Column<string>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WatchlistVersion", x => x.Id);
                Cascade(table, "WatchlistVersion", "WatchlistId", "Watchlist", x => x.WatchlistId);
                Restrict(table, "WatchlistVersion", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_WatchlistVersion_WatchlistId_Number", table: "WatchlistVersion", columns: ["WatchlistId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_WatchlistVersion_TenantId", table: "WatchlistVersion", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "WatchlistEntry",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WatchlistId = table.Column<Guid>(nullable: false),
                VersionId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 1000, nullable: false),
                Name = table.Column<string>(maxLength: 500, nullable: false),
                Aliases = table.Column<string>(nullable: true),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                Addresses = table.Column<string>(nullable: true),
                Source = table.Column<string>(maxLength: 300, nullable: true),
                Programs = table.Column<string>(maxLength: 1000, nullable: true),
                StartOn = table.Column<DateOnly>(nullable: true),
                EndOn = table.Column<DateOnly>(nullable: true),
                Remarks = table.Column<string>(nullable: true),
                RawRow = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                LineNumber = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WatchlistEntry", x => x.Id);
                Restrict(table, "WatchlistEntry", "WatchlistId", "Watchlist", x => x.WatchlistId);
                Cascade(table, "WatchlistEntry", "VersionId", "WatchlistVersion", x => x.VersionId);
                Restrict(table, "WatchlistEntry", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "WatchlistEntry", "VersionId");
        migrationBuilder.CreateIndex(name: "IX_WatchlistEntry_WatchlistId", table: "WatchlistEntry", column: "WatchlistId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "WatchlistEntry", "WatchlistVersion", "Watchlist", "DueDiligenceStamp", "ProfileSource", "ProfileAddress", "InstitutionProfile" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    private static void ChildIndexes(MigrationBuilder migrationBuilder, string table, string parent)
    {
        migrationBuilder.CreateIndex(name: $"IX_{table}_{parent}", table: table, column: parent);
        migrationBuilder.CreateIndex(name: $"IX_{table}_TenantId", table: table, column: "TenantId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Restrict);

    private static void Cascade<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Cascade);
}
