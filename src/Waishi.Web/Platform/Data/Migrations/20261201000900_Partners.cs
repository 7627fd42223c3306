using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>The deployment's ROR registry, and each tenant's partner institutions with their contacts.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201000900_Partners")]
public sealed class Partners : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RorOrganisation",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RorId = table.Column<string>(maxLength: 9, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Types = table.Column<string>(maxLength: 200, nullable: false),
                DisplayName = table.Column<string>(maxLength: 500, nullable: false),
                SearchText = table.Column<string>(nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                CountryName = table.Column<string>(maxLength: 100, nullable: true),
                City = table.Column<string>(maxLength: 200, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Wikipedia = table.Column<string>(maxLength: 500, nullable: true),
                Established = table.Column<int>(nullable: true),
                LastModified = table.Column<DateOnly>(nullable: true),
                NamesJson = table.Column<string>(nullable: false),
                LocationsJson = table.Column<string>(nullable: false),
                LinksJson = table.Column<string>(nullable: false),
                ExternalIdsJson = table.Column<string>(nullable: false),
                RelationshipsJson = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                ImportedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RorOrganisation", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_RorOrganisation_RorId", table: "RorOrganisation", column: "RorId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_RorOrganisation_CountryCode_Status", table: "RorOrganisation", columns: ["CountryCode", "Status"]);

        migrationBuilder.CreateTable(
            name: "Partner",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NameEn = table.Column<string>(maxLength: 300, nullable: false),
                NameZh = table.Column<string>(maxLength: 300, nullable: true),
                NameLocal = table.Column<string>(maxLength: 300, nullable: true),
                Acronyms = table.Column<string>(maxLength: 500, nullable: true),
                FormerNames = table.Column<string>(maxLength: 2000, nullable: true),
                SearchText = table.Column<string>(maxLength: 4000, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                City = table.Column<string>(maxLength: 200, nullable: true),
                Type = table.Column<string>(maxLength: 24, nullable: false),
                Region = table.Column<string>(maxLength: 16, nullable: false),
                RorId = table.Column<string>(maxLength: 9, nullable: true),
                Website = table.Column<string>(maxLength: 500, nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Partner", x => x.Id);
                table.ForeignKey("FK_Partner_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Partner_TenantId_RorId", table: "Partner", columns: ["TenantId", "RorId"]);
        migrationBuilder.CreateIndex(name: "IX_Partner_TenantId_CountryCode", table: "Partner", columns: ["TenantId", "CountryCode"]);

        migrationBuilder.CreateTable(
            name: "PartnerContact",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                Phone = table.Column<string>(maxLength: 64, nullable: true),
                Notes = table.Column<string>(maxLength: 1000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartnerContact", x => x.Id);
                table.ForeignKey("FK_PartnerContact_Partner_PartnerId", x => x.PartnerId, "Partner", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PartnerContact_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PartnerContact_PartnerId", table: "PartnerContact", column: "PartnerId");
        migrationBuilder.CreateIndex(name: "IX_PartnerContact_TenantId", table: "PartnerContact", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PartnerContact");
        migrationBuilder.DropTable(name: "Partner");
        migrationBuilder.DropTable(name: "RorOrganisation");
    }
}
