using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>The register of issued documents (trip approval documents now, invitation letters
/// later) with their verification codes.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000830_IssuedDocuments")]
public sealed class IssuedDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IssuedDocument",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Number = table.Column<string>(maxLength: 40, nullable: false),
                Code = table.Column<string>(maxLength: 12, nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                IssuerZh = table.Column<string>(maxLength: 200, nullable: false),
                IssuerEn = table.Column<string>(maxLength: 200, nullable: false),
                Names = table.Column<string>(maxLength: 2000, nullable: false),
                Destination = table.Column<string>(maxLength: 500, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                EndDate = table.Column<DateOnly>(nullable: true),
                IssuedUtc = table.Column<DateTime>(nullable: false),
                Revoked = table.Column<bool>(nullable: false),
                RevokedUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IssuedDocument", x => x.Id);
                table.ForeignKey("FK_IssuedDocument_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_IssuedDocument_Code", table: "IssuedDocument", column: "Code", unique: true);
        migrationBuilder.CreateIndex(name: "IX_IssuedDocument_TenantId_Kind_Number", table: "IssuedDocument",
            columns: ["TenantId", "Kind", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_IssuedDocument_TenantId_Kind_SubjectId", table: "IssuedDocument",
            columns: ["TenantId", "Kind", "SubjectId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IssuedDocument");
    }
}
