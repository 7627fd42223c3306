using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// The partners' (tenant, country) index holds the partner's id too, so the statistics read it
/// alone: the partners grouped by institution and country, and the country of each party of an
/// agreement in force (a join that otherwise reads the partner rows themselves).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000100_PartnerCountryCoveringIndex")]
public sealed class PartnerCountryCoveringIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Partner_TenantId_CountryCode", table: "Partner");
        migrationBuilder.CreateIndex(name: "IX_Partner_TenantId_CountryCode_Id", table: "Partner", columns: ["TenantId", "CountryCode", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Partner_TenantId_CountryCode_Id", table: "Partner");
        migrationBuilder.CreateIndex(name: "IX_Partner_TenantId_CountryCode", table: "Partner", columns: ["TenantId", "CountryCode"]);
    }
}
