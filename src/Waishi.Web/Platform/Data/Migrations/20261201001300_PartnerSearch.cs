using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>An index for the registry search ("any name contains ..." in name order). A row of the
/// registry carries its names, locations, links and ids as JSON, about 1 KB, so "contains" over a
/// 120,000-record registry read the whole table (some 120 MB) per search, and the capped count again.
/// In name order and holding the search text, the index answers the count from the index alone and
/// lists the first page by walking it in order until 25 names match: a tenth of the bytes for a rare
/// name, a few index pages for a common one.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001300_PartnerSearch")]
public sealed class PartnerSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite only: PostgreSQL limits a B-tree entry to about 2.7 KB, which a record with many
        // names could pass, and would then refuse its import batch.
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        migrationBuilder.CreateIndex(name: "IX_RorOrganisation_DisplayName_RorId_SearchText", table: "RorOrganisation",
            columns: ["DisplayName", "RorId", "SearchText"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        migrationBuilder.DropIndex(name: "IX_RorOrganisation_DisplayName_RorId_SearchText", table: "RorOrganisation");
    }
}
