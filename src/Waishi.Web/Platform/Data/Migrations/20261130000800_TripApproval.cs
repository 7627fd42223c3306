using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>A trip's approval: its case, filing number, end of the public notice period and the
/// time of final approval; amendments of approved trips; the policy values for publicity, reports and documents.</summary>
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

        migrationBuilder.CreateTable(
            name: "TripAmendment",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                RequestedByUserId = table.Column<Guid>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                Before = table.Column<string>(nullable: false),
                After = table.Column<string>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripAmendment", x => x.Id);
                ForeignKey(table, "TripId", "Trip", x => x.TripId, ReferentialAction.Cascade);
                ForeignKey(table, "RequestedByUserId", "AspNetUsers", x => x.RequestedByUserId, ReferentialAction.Restrict);
                ForeignKey(table, "TenantId", "Tenant", x => x.TenantId, ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_TripAmendment_TripId_Sequence", table: "TripAmendment", columns: ["TripId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_TripAmendment_RequestedByUserId", table: "TripAmendment", column: "RequestedByUserId");
        migrationBuilder.CreateIndex(name: "IX_TripAmendment_TenantId", table: "TripAmendment", column: "TenantId");
    }

    private static void ForeignKey<T>(CreateTableBuilder<T> table, string column, string principal,
        System.Linq.Expressions.Expression<Func<T, object>> key, ReferentialAction onDelete) =>
        table.ForeignKey($"FK_TripAmendment_{principal}_{column}", key, principal, "Id", onDelete: onDelete);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "TripAmendment");
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
