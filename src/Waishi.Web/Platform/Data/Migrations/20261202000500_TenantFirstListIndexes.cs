using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// The trip list's and "Awaiting me"'s orders in indexes that start with TenantId, replacing the
/// ones without it (migration TripIndexes). Those were made when the tenant filter read
/// "system scope OR TenantId = @tenant"; it now reads "TenantId = @tenant", with a likelihood on
/// SQLite (<see cref="TenantTerm"/>). An order without TenantId let SQLite walk every trip of the
/// city to fill a small institution's page (0.33 s for an institution with no trips beside one with
/// 100,000); the tenant's own order reads its first page directly, with or without statistics.
/// The city-wide reminder job keeps a State-first index, on the due time it asks for.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000500_TenantFirstListIndexes")]
public sealed class TenantFirstListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_DepartureDate", table: "Trip");
        migrationBuilder.DropIndex(name: "IX_Trip_DepartureDate_CreatedUtc", table: "Trip");
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_DepartureDate_CreatedUtc", table: "Trip",
            columns: ["TenantId", "DepartureDate", "CreatedUtc"]);
        migrationBuilder.DropIndex(name: "IX_WorkflowCase_TenantId_State", table: "WorkflowCase");
        migrationBuilder.DropIndex(name: "IX_WorkflowCase_State_StepStartedUtc", table: "WorkflowCase");
        migrationBuilder.CreateIndex(name: "IX_WorkflowCase_TenantId_State_StepStartedUtc", table: "WorkflowCase",
            columns: ["TenantId", "State", "StepStartedUtc"]);
        migrationBuilder.CreateIndex(name: "IX_WorkflowCase_State_StepDueUtc", table: "WorkflowCase",
            columns: ["State", "StepDueUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_WorkflowCase_State_StepDueUtc", table: "WorkflowCase");
        migrationBuilder.DropIndex(name: "IX_WorkflowCase_TenantId_State_StepStartedUtc", table: "WorkflowCase");
        migrationBuilder.CreateIndex(name: "IX_WorkflowCase_State_StepStartedUtc", table: "WorkflowCase", columns: ["State", "StepStartedUtc"]);
        migrationBuilder.CreateIndex(name: "IX_WorkflowCase_TenantId_State", table: "WorkflowCase", columns: ["TenantId", "State"]);
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_DepartureDate_CreatedUtc", table: "Trip");
        migrationBuilder.CreateIndex(name: "IX_Trip_DepartureDate_CreatedUtc", table: "Trip", columns: ["DepartureDate", "CreatedUtc"]);
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_DepartureDate", table: "Trip", columns: ["TenantId", "DepartureDate"]);
    }
}
