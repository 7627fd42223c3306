using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// Personal access tokens remember the account's security stamp at creation, so that changing the
/// password (which renews the stamp) ends every token of the account.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000100_Tokens")]
public sealed class Tokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "SecurityStamp",
            table: "PersonalAccessToken",
            maxLength: 256,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SecurityStamp", table: "PersonalAccessToken");
    }
}
