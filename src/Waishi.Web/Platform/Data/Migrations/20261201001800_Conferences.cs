using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>International conferences: applications with co-organisers, participants by country and
/// attachments; the units' annual plans; the tenant's conference policy.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001800_Conferences")]
public sealed class Conferences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConferencePolicy",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LeadMonths = table.Column<int>(nullable: false),
                LeadMonthsWithNgo = table.Column<int>(nullable: false),
                CityTotalThreshold = table.Column<int>(nullable: false),
                CityForeignThreshold = table.Column<int>(nullable: false),
                SensitiveKeywords = table.Column<string>(maxLength: 2000, nullable: false),
                PlanDueMonth = table.Column<int>(nullable: false),
                PlanReminderMonth = table.Column<int>(nullable: false),
                SummaryDueDays = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferencePolicy", x => x.Id);
                Restrict(table, "ConferencePolicy", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_ConferencePolicy_TenantId", table: "ConferencePolicy", column: "TenantId", unique: true);

        migrationBuilder.CreateTable(
            name: "ConferencePlan",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Submitted = table.Column<bool>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                SubmittedByUserId = table.Column<Guid>(nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferencePlan", x => x.Id);
                Restrict(table, "ConferencePlan", "UnitId", "OrgUnit", x => x.UnitId);
                Restrict(table, "ConferencePlan", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_ConferencePlan_TenantId_Year_UnitId", table: "ConferencePlan", columns: ["TenantId", "Year", "UnitId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ConferencePlan_UnitId", table: "ConferencePlan", column: "UnitId");

        migrationBuilder.CreateTable(
            name: "ConferencePlanItem",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                ApproximateDates = table.Column<string>(maxLength: 100, nullable: true),
                ExpectedParticipants = table.Column<int>(nullable: false),
                ForeignParticipants = table.Column<int>(nullable: false),
                CoOrganisers = table.Column<string>(maxLength: 1000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferencePlanItem", x => x.Id);
                Cascade(table, "ConferencePlanItem", "PlanId", "ConferencePlan", x => x.PlanId);
                Restrict(table, "ConferencePlanItem", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_ConferencePlanItem_PlanId", table: "ConferencePlanItem", column: "PlanId");
        migrationBuilder.CreateIndex(name: "IX_ConferencePlanItem_TenantId", table: "ConferencePlanItem", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "Conference",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 16, nullable: true),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleZh = table.Column<string>(maxLength: 300, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: false),
                Venue = table.Column<string>(maxLength: 300, nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                FiledByUserId = table.Column<Guid>(nullable: false),
                OfficerUserId = table.Column<Guid>(nullable: true),
                ExpectedParticipants = table.Column<int>(nullable: false),
                ExpectedForeign = table.Column<int>(nullable: false),
                Topics = table.Column<string>(maxLength: 2000, nullable: true),
                SensitiveTopics = table.Column<bool>(nullable: false),
                BudgetTotal = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                BudgetCurrency = table.Column<string>(maxLength: 3, nullable: true),
                BudgetNote = table.Column<string>(maxLength: 2000, nullable: true),
                ForeignNgo = table.Column<bool>(nullable: false),
                NgoName = table.Column<string>(maxLength: 300, nullable: true),
                NgoFilingNote = table.Column<string>(maxLength: 2000, nullable: true),
                LateJustification = table.Column<string>(maxLength: 2000, nullable: true),
                IsLate = table.Column<bool>(nullable: false),
                CityApproval = table.Column<bool>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CaseId = table.Column<Guid>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                ApprovedUtc = table.Column<DateTime>(nullable: true),
                ActualParticipants = table.Column<int>(nullable: true),
                Outcomes = table.Column<string>(maxLength: 4000, nullable: true),
                SummarySubmittedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Conference", x => x.Id);
                Restrict(table, "Conference", "UnitId", "OrgUnit", x => x.UnitId);
                Restrict(table, "Conference", "FiledByUserId", "AspNetUsers", x => x.FiledByUserId);
                Restrict(table, "Conference", "OfficerUserId", "AspNetUsers", x => x.OfficerUserId);
                Restrict(table, "Conference", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_Conference_TenantId_Number", table: "Conference", columns: ["TenantId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Conference_TenantId_StartDate", table: "Conference", columns: ["TenantId", "StartDate"]);
        migrationBuilder.CreateIndex(name: "IX_Conference_UnitId", table: "Conference", column: "UnitId");
        migrationBuilder.CreateIndex(name: "IX_Conference_FiledByUserId", table: "Conference", column: "FiledByUserId");
        migrationBuilder.CreateIndex(name: "IX_Conference_OfficerUserId", table: "Conference", column: "OfficerUserId");

        migrationBuilder.CreateTable(
            name: "ConferenceCoOrganiser",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConferenceId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceCoOrganiser", x => x.Id);
                Cascade(table, "ConferenceCoOrganiser", "ConferenceId", "Conference", x => x.ConferenceId);
                table.ForeignKey("FK_ConferenceCoOrganiser_Partner_PartnerId", x => x.PartnerId, "Partner", "Id", onDelete: ReferentialAction.SetNull);
                Restrict(table, "ConferenceCoOrganiser", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ConferenceCoOrganiser");
        migrationBuilder.CreateIndex(name: "IX_ConferenceCoOrganiser_PartnerId", table: "ConferenceCoOrganiser", column: "PartnerId");

        migrationBuilder.CreateTable(
            name: "ConferenceCountry",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConferenceId = table.Column<Guid>(nullable: false),
                Actual = table.Column<bool>(nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                Count = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceCountry", x => x.Id);
                Cascade(table, "ConferenceCountry", "ConferenceId", "Conference", x => x.ConferenceId);
                Restrict(table, "ConferenceCountry", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ConferenceCountry");

        migrationBuilder.CreateTable(
            name: "ConferenceDocument",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ConferenceId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
                UploadedByUserId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceDocument", x => x.Id);
                Cascade(table, "ConferenceDocument", "ConferenceId", "Conference", x => x.ConferenceId);
                Restrict(table, "ConferenceDocument", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ConferenceDocument");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ConferenceDocument", "ConferenceCountry", "ConferenceCoOrganiser", "Conference", "ConferencePlanItem", "ConferencePlan", "ConferencePolicy" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    private static void ChildIndexes(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.CreateIndex(name: $"IX_{table}_ConferenceId", table: table, column: "ConferenceId");
        migrationBuilder.CreateIndex(name: $"IX_{table}_TenantId", table: table, column: "TenantId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Restrict);

    private static void Cascade<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Cascade);
}
