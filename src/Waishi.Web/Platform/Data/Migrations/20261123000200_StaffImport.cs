using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Uploaded staff directories waiting for the administrator's confirmation.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000200_StaffImport")]
public sealed class StaffImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StaffImportUpload",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffImportUpload", x => x.Id);
                table.ForeignKey(
                    name: "FK_StaffImportUpload_Tenant_TenantId",
                    column: x => x.TenantId,
                    principalTable: "Tenant",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_StaffImportUpload_TenantId",
            table: "StaffImportUpload",
            column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "StaffImportUpload");
}
