using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>A trip's approval: its case, filing number, end of the public notice period and the
/// time of final approval.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000800_TripApproval")]
public sealed class TripApproval : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "CaseId", table: "Trip", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Number", table: "Trip", maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "PublicityEndsOn", table: "Trip", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ApprovedUtc", table: "Trip", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_Number", table: "Trip", columns: ["TenantId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_State", table: "Trip", columns: ["TenantId", "State"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_State", table: "Trip");
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_Number", table: "Trip");
        migrationBuilder.DropColumn(name: "ApprovedUtc", table: "Trip");
        migrationBuilder.DropColumn(name: "PublicityEndsOn", table: "Trip");
        migrationBuilder.DropColumn(name: "Number", table: "Trip");
        migrationBuilder.DropColumn(name: "CaseId", table: "Trip");
    }
}
