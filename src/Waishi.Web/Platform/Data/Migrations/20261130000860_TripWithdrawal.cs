using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>The reason a trip in publicity or approved was withdrawn.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130000860_TripWithdrawal")]
public sealed class TripWithdrawal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "WithdrawnReason", table: "Trip", maxLength: 2000, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "WithdrawnReason", table: "Trip");
}
