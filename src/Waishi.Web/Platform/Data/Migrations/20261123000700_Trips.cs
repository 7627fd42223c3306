using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Outbound trip applications with their delegation, destinations, itinerary, budget and
/// invitation letter, and each tenant's trip policy values.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000700_Trips")]
public sealed class Trips : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Trip",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ApplicantId = table.Column<Guid>(nullable: false),
                FiledByUserId = table.Column<Guid>(nullable: false),
                UnitId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 24, nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 2000, nullable: true),
                Tasks = table.Column<string>(maxLength: 4000, nullable: true),
                InvitingOrganisation = table.Column<string>(maxLength: 300, nullable: true),
                PartnerId = table.Column<Guid>(nullable: true),
                DepartureDate = table.Column<DateOnly>(nullable: true),
                ReturnDate = table.Column<DateOnly>(nullable: true),
                FundingSource = table.Column<string>(maxLength: 200, nullable: true),
                LateJustification = table.Column<string>(maxLength: 2000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Trip", x => x.Id);
                Restrict(table, "Trip", "ApplicantId", "StaffMember", x => x.ApplicantId);
                Restrict(table, "Trip", "FiledByUserId", "AspNetUsers", x => x.FiledByUserId);
                Restrict(table, "Trip", "UnitId", "OrgUnit", x => x.UnitId);
                Restrict(table, "Trip", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_Trip_ApplicantId", table: "Trip", column: "ApplicantId");
        migrationBuilder.CreateIndex(name: "IX_Trip_FiledByUserId", table: "Trip", column: "FiledByUserId");
        migrationBuilder.CreateIndex(name: "IX_Trip_UnitId", table: "Trip", column: "UnitId");
        migrationBuilder.CreateIndex(name: "IX_Trip_TenantId_DepartureDate", table: "Trip", columns: ["TenantId", "DepartureDate"]);

        migrationBuilder.CreateTable(
            name: "TripMember",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: false),
                Role = table.Column<string>(maxLength: 16, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripMember", x => x.Id);
                Cascade(table, "TripMember", "TripId", "Trip", x => x.TripId);
                Restrict(table, "TripMember", "StaffMemberId", "StaffMember", x => x.StaffMemberId);
                Restrict(table, "TripMember", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_TripMember_TripId", table: "TripMember", column: "TripId");
        migrationBuilder.CreateIndex(name: "IX_TripMember_StaffMemberId", table: "TripMember", column: "StaffMemberId");
        migrationBuilder.CreateIndex(name: "IX_TripMember_TenantId", table: "TripMember", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "TripDestination",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripDestination", x => x.Id);
                Cascade(table, "TripDestination", "TripId", "Trip", x => x.TripId);
                Restrict(table, "TripDestination", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "TripDestination");

        migrationBuilder.CreateTable(
            name: "TripItineraryDay",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                City = table.Column<string>(maxLength: 100, nullable: false),
                Activity = table.Column<string>(maxLength: 500, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripItineraryDay", x => x.Id);
                Cascade(table, "TripItineraryDay", "TripId", "Trip", x => x.TripId);
                Restrict(table, "TripItineraryDay", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "TripItineraryDay");

        migrationBuilder.CreateTable(
            name: "TripBudgetLine",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 24, nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Note = table.Column<string>(maxLength: 200, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripBudgetLine", x => x.Id);
                Cascade(table, "TripBudgetLine", "TripId", "Trip", x => x.TripId);
                Restrict(table, "TripBudgetLine", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "TripBudgetLine");

        migrationBuilder.CreateTable(
            name: "TripLetter",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripLetter", x => x.Id);
                Cascade(table, "TripLetter", "TripId", "Trip", x => x.TripId);
                Restrict(table, "TripLetter", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_TripLetter_TripId", table: "TripLetter", column: "TripId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_TripLetter_TenantId", table: "TripLetter", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "TripPolicy",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LeadTimeDays = table.Column<int>(nullable: false),
                TripsPerPersonPerYear = table.Column<int>(nullable: false),
                UnitLockOverdueDays = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripPolicy", x => x.Id);
                Restrict(table, "TripPolicy", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_TripPolicy_TenantId", table: "TripPolicy", column: "TenantId", unique: true);

        migrationBuilder.CreateTable(
            name: "TripTypeLimit",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TripPolicyId = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 24, nullable: false),
                MaxCountries = table.Column<int>(nullable: false),
                MaxDays = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TripTypeLimit", x => x.Id);
                Cascade(table, "TripTypeLimit", "TripPolicyId", "TripPolicy", x => x.TripPolicyId);
                Restrict(table, "TripTypeLimit", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_TripTypeLimit_TripPolicyId_Type", table: "TripTypeLimit", columns: ["TripPolicyId", "Type"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_TripTypeLimit_TenantId", table: "TripTypeLimit", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "TripTypeLimit", "TripPolicy", "TripLetter", "TripBudgetLine", "TripItineraryDay", "TripDestination", "TripMember", "Trip" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    private static void ChildIndexes(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.CreateIndex(name: $"IX_{table}_TripId", table: table, column: "TripId");
        migrationBuilder.CreateIndex(name: $"IX_{table}_TenantId", table: table, column: "TenantId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Restrict);

    private static void Cascade<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Cascade);
}
