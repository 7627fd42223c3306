using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Inbound visits with their delegation members, agenda (and the staff who attend), reception budget and gifts.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001700_Visits")]
public sealed class Visits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Visit",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: true),
                UnitId = table.Column<Guid>(nullable: false),
                FiledByUserId = table.Column<Guid>(nullable: false),
                HostContactId = table.Column<Guid>(nullable: true),
                OfficerUserId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 2000, nullable: true),
                PartnerId = table.Column<Guid>(nullable: true),
                ArrivalDate = table.Column<DateOnly>(nullable: true),
                DepartureDate = table.Column<DateOnly>(nullable: true),
                VipLevel = table.Column<string>(maxLength: 16, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                DecidedUtc = table.Column<DateTime>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                CancelledReason = table.Column<string>(maxLength: 2000, nullable: true),
                ClosedUtc = table.Column<DateTime>(nullable: true),
                ClosedByUserId = table.Column<Guid>(nullable: true),
                ActualArrivalDate = table.Column<DateOnly>(nullable: true),
                ActualDepartureDate = table.Column<DateOnly>(nullable: true),
                ActualMembersNote = table.Column<string>(maxLength: 2000, nullable: true),
                ClosureReport = table.Column<string>(maxLength: 8000, nullable: true),
                SummaryTitle = table.Column<string>(maxLength: 200, nullable: true),
                SummaryText = table.Column<string>(maxLength: 8000, nullable: true),
                SummaryPublished = table.Column<bool>(nullable: false),
                SummaryPublishedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Visit", x => x.Id);
                Restrict(table, "Visit", "UnitId", "OrgUnit", x => x.UnitId);
                Restrict(table, "Visit", "FiledByUserId", "AspNetUsers", x => x.FiledByUserId);
                Restrict(table, "Visit", "OfficerUserId", "AspNetUsers", x => x.OfficerUserId);
                Restrict(table, "Visit", "ClosedByUserId", "AspNetUsers", x => x.ClosedByUserId);
                Restrict(table, "Visit", "HostContactId", "StaffMember", x => x.HostContactId);
                Restrict(table, "Visit", "PartnerId", "Partner", x => x.PartnerId);
                Restrict(table, "Visit", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_Visit_TenantId_Number", table: "Visit", columns: ["TenantId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Visit_TenantId_State", table: "Visit", columns: ["TenantId", "State"]);
        migrationBuilder.CreateIndex(name: "IX_Visit_TenantId_ArrivalDate", table: "Visit", columns: ["TenantId", "ArrivalDate"]);
        foreach (var column in new[] { "UnitId", "FiledByUserId", "OfficerUserId", "ClosedByUserId", "HostContactId", "PartnerId" })
        {
            migrationBuilder.CreateIndex(name: $"IX_Visit_{column}", table: "Visit", column: column);
        }

        migrationBuilder.CreateTable(
            name: "VisitMember",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                NameLatin = table.Column<string>(maxLength: 200, nullable: false),
                NameZh = table.Column<string>(maxLength: 100, nullable: true),
                Nationality = table.Column<string>(maxLength: 2, nullable: false),
                PassportNumber = table.Column<string>(maxLength: 40, nullable: true),
                BirthDate = table.Column<DateOnly>(nullable: true),
                Sex = table.Column<string>(maxLength: 8, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                Organisation = table.Column<string>(maxLength: 300, nullable: false),
                PartnerId = table.Column<Guid>(nullable: true),
                IsLeader = table.Column<bool>(nullable: false),
                Came = table.Column<bool>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitMember", x => x.Id);
                Cascade(table, "VisitMember", "VisitId", "Visit", x => x.VisitId);
                Restrict(table, "VisitMember", "PartnerId", "Partner", x => x.PartnerId);
                Restrict(table, "VisitMember", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "VisitMember");
        migrationBuilder.CreateIndex(name: "IX_VisitMember_PartnerId", table: "VisitMember", column: "PartnerId");

        migrationBuilder.CreateTable(
            name: "VisitAgendaItem",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                StartTime = table.Column<TimeOnly>(nullable: true),
                EndTime = table.Column<TimeOnly>(nullable: true),
                Venue = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitAgendaItem", x => x.Id);
                Cascade(table, "VisitAgendaItem", "VisitId", "Visit", x => x.VisitId);
                Restrict(table, "VisitAgendaItem", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_VisitAgendaItem_VisitId", table: "VisitAgendaItem", column: "VisitId");
        migrationBuilder.CreateIndex(name: "IX_VisitAgendaItem_TenantId_Date", table: "VisitAgendaItem", columns: ["TenantId", "Date"]);

        migrationBuilder.CreateTable(
            name: "VisitAgendaAttendee",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgendaItemId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitAgendaAttendee", x => x.Id);
                Cascade(table, "VisitAgendaAttendee", "AgendaItemId", "VisitAgendaItem", x => x.AgendaItemId);
                Restrict(table, "VisitAgendaAttendee", "StaffMemberId", "StaffMember", x => x.StaffMemberId);
                Restrict(table, "VisitAgendaAttendee", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_VisitAgendaAttendee_AgendaItemId_StaffMemberId", table: "VisitAgendaAttendee", columns: ["AgendaItemId", "StaffMemberId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_VisitAgendaAttendee_StaffMemberId", table: "VisitAgendaAttendee", column: "StaffMemberId");
        migrationBuilder.CreateIndex(name: "IX_VisitAgendaAttendee_TenantId", table: "VisitAgendaAttendee", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "VisitBudgetLine",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 24, nullable: false),
                Description = table.Column<string>(maxLength: 200, nullable: true),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitBudgetLine", x => x.Id);
                Cascade(table, "VisitBudgetLine", "VisitId", "Visit", x => x.VisitId);
                Restrict(table, "VisitBudgetLine", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "VisitBudgetLine");

        migrationBuilder.CreateTable(
            name: "VisitGift",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                Recipient = table.Column<string>(maxLength: 200, nullable: true),
                Value = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitGift", x => x.Id);
                Cascade(table, "VisitGift", "VisitId", "Visit", x => x.VisitId);
                Restrict(table, "VisitGift", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "VisitGift");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "VisitGift", "VisitBudgetLine", "VisitAgendaAttendee", "VisitAgendaItem", "VisitMember", "Visit" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    private static void ChildIndexes(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.CreateIndex(name: $"IX_{table}_VisitId", table: table, column: "VisitId");
        migrationBuilder.CreateIndex(name: $"IX_{table}_TenantId", table: table, column: "TenantId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Restrict);

    private static void Cascade<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Cascade);
}
