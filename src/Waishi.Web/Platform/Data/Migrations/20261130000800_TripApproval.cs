using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>A trip's approval: its case, filing number, end of the public notice period and the
/// time of final approval; the policy values for publicity, reports and documents.</summary>
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
        migrationBuilder.AddColumn<int>(name: "PublicityWorkingDays", table: "TripPolicy", nullable: false, defaultValue: 5);
        migrationBuilder.AddColumn<int>(name: "ReportDueDays", table: "TripPolicy", nullable: false, defaultValue: 20);
        migrationBuilder.AddColumn<int>(name: "DocumentReturnDays", table: "TripPolicy", nullable: false, defaultValue: 7);
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_Number", table: "Trip", columns: ["TenantId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_State", table: "Trip", columns: ["TenantId", "State"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_State", table: "Trip");
        migrationBuilder.DropIndex(name: "IX_Trip_TenantId_Number", table: "Trip");
        migrationBuilder.DropColumn(name: "DocumentReturnDays", table: "TripPolicy");
        migrationBuilder.DropColumn(name: "ReportDueDays", table: "TripPolicy");
        migrationBuilder.DropColumn(name: "PublicityWorkingDays", table: "TripPolicy");
        migrationBuilder.DropColumn(name: "ApprovedUtc", table: "Trip");
        migrationBuilder.DropColumn(name: "PublicityEndsOn", table: "Trip");
        migrationBuilder.DropColumn(name: "Number", table: "Trip");
        migrationBuilder.DropColumn(name: "CaseId", table: "Trip");
    }
}
