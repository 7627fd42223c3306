using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Annual outbound plans per unit with their lines, the link from a trip to its plan line,
/// and the private tokens of the trip calendar feeds.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000840_OutboundPlans")]
public sealed class OutboundPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboundPlan",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                ReviewedUtc = table.Column<DateTime>(nullable: true),
                ReviewedByUserId = table.Column<Guid>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboundPlan", x => x.Id);
                table.ForeignKey("FK_OutboundPlan_OrgUnit_UnitId", x => x.UnitId, "OrgUnit", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_OutboundPlan_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_OutboundPlan_TenantId_Year_UnitId", table: "OutboundPlan", columns: ["TenantId", "Year", "UnitId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_OutboundPlan_UnitId", table: "OutboundPlan", column: "UnitId");

        migrationBuilder.CreateTable(
            name: "OutboundPlanLine",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 500, nullable: false),
                Countries = table.Column<string>(maxLength: 100, nullable: false),
                People = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                Budget = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboundPlanLine", x => x.Id);
                table.ForeignKey("FK_OutboundPlanLine_OutboundPlan_PlanId", x => x.PlanId, "OutboundPlan", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_OutboundPlanLine_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_OutboundPlanLine_PlanId", table: "OutboundPlanLine", column: "PlanId");
        migrationBuilder.CreateIndex(name: "IX_OutboundPlanLine_TenantId", table: "OutboundPlanLine", column: "TenantId");

        if (IsSqlite)
        {
            // SQLite cannot add a foreign key to an existing table, but a new nullable column may carry one.
            migrationBuilder.Sql("ALTER TABLE \"Trip\" ADD COLUMN \"PlanItemId\" TEXT NULL REFERENCES \"OutboundPlanLine\" (\"Id\") ON DELETE RESTRICT;");
        }
        else
        {
            migrationBuilder.AddColumn<Guid>(name: "PlanItemId", table: "Trip", nullable: true);
            migrationBuilder.AddForeignKey(name: "FK_Trip_OutboundPlanLine_PlanItemId", table: "Trip", column: "PlanItemId",
                principalTable: "OutboundPlanLine", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }
        migrationBuilder.CreateIndex(name: "IX_Trip_PlanItemId", table: "Trip", column: "PlanItemId");

        migrationBuilder.CreateTable(
            name: "CalendarFeedToken",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                RevokedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeedToken", x => x.Id);
                table.ForeignKey("FK_CalendarFeedToken_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CalendarFeedToken_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CalendarFeedToken_SecretHash", table: "CalendarFeedToken", column: "SecretHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_CalendarFeedToken_UserId", table: "CalendarFeedToken", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_CalendarFeedToken_TenantId", table: "CalendarFeedToken", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CalendarFeedToken");
        migrationBuilder.DropIndex(name: "IX_Trip_PlanItemId", table: "Trip");
        if (!IsSqlite)
        {
            migrationBuilder.DropForeignKey(name: "FK_Trip_OutboundPlanLine_PlanItemId", table: "Trip");
        }
        migrationBuilder.DropColumn(name: "PlanItemId", table: "Trip");
        migrationBuilder.DropTable(name: "OutboundPlanLine");
        migrationBuilder.DropTable(name: "OutboundPlan");
    }

    private bool IsSqlite => ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";
}
