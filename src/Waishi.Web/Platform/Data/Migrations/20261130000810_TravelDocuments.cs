using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Travel documents in custody (passports and permits of staff) and their custody ledger.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000810_TravelDocuments")]
public sealed class TravelDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TravelDocument",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Type = table.Column<string>(maxLength: 24, nullable: false),
                Number = table.Column<string>(maxLength: 32, nullable: false),
                HolderId = table.Column<Guid>(nullable: false),
                IssueDate = table.Column<DateOnly>(nullable: false),
                ExpiryDate = table.Column<DateOnly>(nullable: false),
                IssuedBy = table.Column<string>(maxLength: 200, nullable: true),
                Notes = table.Column<string>(maxLength: 1000, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                TripId = table.Column<Guid>(nullable: true),
                CheckedOutUtc = table.Column<DateTime>(nullable: true),
                ReturnDue = table.Column<DateOnly>(nullable: true),
                ClosedReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TravelDocument", x => x.Id);
                table.ForeignKey("FK_TravelDocument_StaffMember_HolderId", x => x.HolderId, "StaffMember", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_TravelDocument_Trip_TripId", x => x.TripId, "Trip", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_TravelDocument_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_TravelDocument_TenantId_Type_Number", table: "TravelDocument", columns: ["TenantId", "Type", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_TravelDocument_TenantId_Status_ReturnDue", table: "TravelDocument", columns: ["TenantId", "Status", "ReturnDue"]);
        migrationBuilder.CreateIndex(name: "IX_TravelDocument_HolderId", table: "TravelDocument", column: "HolderId");
        migrationBuilder.CreateIndex(name: "IX_TravelDocument_TripId", table: "TravelDocument", column: "TripId");

        migrationBuilder.CreateTable(
            name: "CustodyEntry",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DocumentId = table.Column<Guid>(nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                TripId = table.Column<Guid>(nullable: true),
                ReturnDue = table.Column<DateOnly>(nullable: true),
                ByUserId = table.Column<Guid>(nullable: true),
                ByName = table.Column<string>(maxLength: 256, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustodyEntry", x => x.Id);
                table.ForeignKey("FK_CustodyEntry_TravelDocument_DocumentId", x => x.DocumentId, "TravelDocument", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CustodyEntry_Trip_TripId", x => x.TripId, "Trip", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CustodyEntry_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CustodyEntry_DocumentId_AtUtc", table: "CustodyEntry", columns: ["DocumentId", "AtUtc"]);
        migrationBuilder.CreateIndex(name: "IX_CustodyEntry_TripId", table: "CustodyEntry", column: "TripId");
        migrationBuilder.CreateIndex(name: "IX_CustodyEntry_TenantId", table: "CustodyEntry", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CustodyEntry");
        migrationBuilder.DropTable(name: "TravelDocument");
    }
}
