using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// Each tenant's stamp per area, replaced in the transaction of every change to the area's rows: the
/// partner statistics are kept between requests for as long as the stamps they were computed under
/// stay the same.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000300_ChangeStamps")]
public sealed class ChangeStampTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChangeStamp",
            columns: table => new
            {
                TenantId = table.Column<Guid>(nullable: false),
                Area = table.Column<string>(maxLength: 40, nullable: false),
                Stamp = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChangeStamp", x => new { x.TenantId, x.Area });
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ChangeStamp");
}
