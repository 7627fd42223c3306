using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Visas per trip, member and country; trip reports with their actual itinerary.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000820_VisasReports")]
public sealed class VisasReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Visa",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                VisaType = table.Column<string>(maxLength: 100, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                AppliedOn = table.Column<DateOnly>(nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                Result = table.Column<string>(maxLength: 500, nullable: true),
                Notes = table.Column<string>(maxLength: 1000, nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Visa", x => x.Id);
                ForeignKey(table, "Visa", "TripId", "Trip", x => x.TripId, ReferentialAction.Cascade);
                ForeignKey(table, "Visa", "StaffMemberId", "StaffMember", x => x.StaffMemberId, ReferentialAction.Restrict);
                ForeignKey(table, "Visa", "TenantId", "Tenant", x => x.TenantId, ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Visa_TripId_StaffMemberId_CountryCode", table: "Visa",
            columns: ["TripId", "StaffMemberId", "CountryCode"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Visa_StaffMemberId", table: "Visa", column: "StaffMemberId");
        migrationBuilder.CreateIndex(name: "IX_Visa_TenantId_Status", table: "Visa", columns: ["TenantId", "Status"]);

        migrationBuilder.CreateTable(
            name: "TripReport",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Results = table.Column<string>(maxLength: 4000, nullable: true),
                FollowUp = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewComment = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                SubmittedByUserId = table.Column<Guid>(nullable: true),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripReport", x => x.Id);
                ForeignKey(table, "TripReport", "TripId", "Trip", x => x.TripId, ReferentialAction.Cascade);
                ForeignKey(table, "TripReport", "TenantId", "Tenant", x => x.TenantId, ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_TripReport_TripId", table: "TripReport", column: "TripId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_TripReport_TenantId_State", table: "TripReport", columns: ["TenantId", "State"]);

        migrationBuilder.CreateTable(
            name: "TripReportDay",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripReportId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                Activity = table.Column<string>(maxLength: 500, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripReportDay", x => x.Id);
                ForeignKey(table, "TripReportDay", "TripReportId", "TripReport", x => x.TripReportId, ReferentialAction.Cascade);
                ForeignKey(table, "TripReportDay", "TenantId", "Tenant", x => x.TenantId, ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_TripReportDay_TripReportId", table: "TripReportDay", column: "TripReportId");
        migrationBuilder.CreateIndex(name: "IX_TripReportDay_TenantId", table: "TripReportDay", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TripReportDay");
        migrationBuilder.DropTable(name: "TripReport");
        migrationBuilder.DropTable(name: "Visa");
    }

    private static void ForeignKey<T>(CreateTableBuilder<T> table, string name, string column, string principal,
        System.Linq.Expressions.Expression<Func<T, object>> key, ReferentialAction onDelete) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: onDelete);
}
