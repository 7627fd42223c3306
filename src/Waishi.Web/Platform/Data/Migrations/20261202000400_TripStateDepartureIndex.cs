using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// A tenant's trips by state in the list's order (departure, then creation, newest first): a list
/// filtered by state reads its trips in order and stops once the page is full, instead of reading
/// every trip in that state and sorting them (the CQU page of approved trips to Japan at a million
/// trips on SQLite: 0.2–0.4 s to 0.02 s).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000400_TripStateDepartureIndex")]
public sealed class TripStateDepartureIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_State_DepartureDate_CreatedUtc", table: "Trip",
            columns: ["TenantId", "State", "DepartureDate", "CreatedUtc"]);
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite's planner takes an index without statistics for a very selective one, and on an
            // analysed database would then sort the whole unfiltered list through it (0.02 s to 0.7 s
            // at a million trips). Measuring this index alone takes a fraction of a second.
            migrationBuilder.Sql("ANALYZE \"IX_Trip_TenantId_State_DepartureDate_CreatedUtc\";");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_State_DepartureDate_CreatedUtc", table: "Trip");
}
