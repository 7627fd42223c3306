using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Outbox messages that exhausted their attempts are marked dead instead of being retried forever.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000400_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(
            name: "DeadUtc",
            table: "OutboxMessage",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "DeadUtc", table: "OutboxMessage");
    }
}
