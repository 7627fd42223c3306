using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>An index for a tenant's partner list searched by name ("any name contains …" in English
/// name order), on SQLite, as migration PartnerSearch made for the registry. A partner row is wide
/// (names, former names, notes, links), and the list read every partner of the tenant from the table
/// to count the matches and again to sort them for a page. In the list's order and holding the search
/// text and city, the index answers the count from the index alone and the page by walking it until
/// 25 partners match.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000600_PartnerListSearch")]
public sealed class PartnerListSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite only: PostgreSQL limits a B-tree entry to about 2.7 KB, which a partner with many
        // names could pass.
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        migrationBuilder.CreateIndex(name: "IX_Partner_TenantId_NameEn_Id_SearchText_City", table: "Partner",
            columns: ["TenantId", "NameEn", "Id", "SearchText", "City"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        migrationBuilder.DropIndex(name: "IX_Partner_TenantId_NameEn_Id_SearchText_City", table: "Partner");
    }
}
