using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Indexes for the trip list and "Awaiting me" with many rows. They do not lead with
/// TenantId on purpose: the tenant filter reads "system scope OR TenantId = @tenant", which SQLite
/// cannot use to search a TenantId-first index, so it scanned and sorted every trip (or case) per
/// page. In the order of the list, the first page is read from the index and the rest skipped.
/// TripMember (StaffMemberId, TripId) makes "is this person in the delegation" one index seek:
/// with StaffMemberId alone SQLite walked all of a person's trips once per trip it counted.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000850_TripIndexes")]
public sealed class TripIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_Trip_DepartureDate_CreatedUtc", table: "Trip", columns: ["DepartureDate", "CreatedUtc"]);
        migrationBuilder.CreateIndex(name: "IX_TripDestination_CountryCode_TripId", table: "TripDestination", columns: ["CountryCode", "TripId"]);
        migrationBuilder.CreateIndex(name: "IX_WorkflowCase_State_StepStartedUtc", table: "WorkflowCase", columns: ["State", "StepStartedUtc"]);
        // Replaces the foreign-key index on StaffMemberId, which it starts with.
        migrationBuilder.DropIndex(name: "IX_TripMember_StaffMemberId", table: "TripMember");
        migrationBuilder.CreateIndex(name: "IX_TripMember_StaffMemberId_TripId", table: "TripMember", columns: ["StaffMemberId", "TripId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_TripMember_StaffMemberId_TripId", table: "TripMember");
        migrationBuilder.CreateIndex(name: "IX_TripMember_StaffMemberId", table: "TripMember", column: "StaffMemberId");
        migrationBuilder.DropIndex(name: "IX_WorkflowCase_State_StepStartedUtc", table: "WorkflowCase");
        migrationBuilder.DropIndex(name: "IX_TripDestination_CountryCode_TripId", table: "TripDestination");
        migrationBuilder.DropIndex(name: "IX_Trip_DepartureDate_CreatedUtc", table: "Trip");
    }
}
