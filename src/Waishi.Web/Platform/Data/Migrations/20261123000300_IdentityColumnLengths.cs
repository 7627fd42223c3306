using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// Gives the ASP.NET Core Identity columns the lengths its schema version 2 declares (login
/// provider and key, token name 128; phone number 256), which the platform migration left
/// unbounded. Only PostgreSQL records a length; on SQLite the columns are TEXT either way, so the
/// table rebuild SQLite would need is skipped.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000300_IdentityColumnLengths")]
public sealed class IdentityColumnLengths : Migration
{
    private static readonly (string Table, string Column, int Length, bool Nullable)[] Columns =
    [
        ("AspNetUserLogins", "LoginProvider", 128, false),
        ("AspNetUserLogins", "ProviderKey", 128, false),
        ("AspNetUserTokens", "LoginProvider", 128, false),
        ("AspNetUserTokens", "Name", 128, false),
        ("AspNetUsers", "PhoneNumber", 256, true),
    ];

    private bool IsPostgres => ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!IsPostgres)
        {
            return;
        }
        foreach (var (table, column, length, nullable) in Columns)
        {
            migrationBuilder.AlterColumn<string>(name: column, table: table, maxLength: length, nullable: nullable,
                oldClrType: typeof(string), oldNullable: nullable);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!IsPostgres)
        {
            return;
        }
        foreach (var (table, column, length, nullable) in Columns)
        {
            migrationBuilder.AlterColumn<string>(name: column, table: table, nullable: nullable,
                oldClrType: typeof(string), oldMaxLength: length, oldNullable: nullable);
        }
    }
}
