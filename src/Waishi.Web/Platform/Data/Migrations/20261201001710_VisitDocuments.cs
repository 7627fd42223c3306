using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Each tenant's invitation letter template, and the invitation letters issued for visits.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001710_VisitDocuments")]
public sealed class VisitDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InvitationLetterTemplate",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TitleZh = table.Column<string>(maxLength: 200, nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: false),
                BodyZh = table.Column<string>(maxLength: 8000, nullable: false),
                BodyEn = table.Column<string>(maxLength: 8000, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvitationLetterTemplate", x => x.Id);
                table.ForeignKey("FK_InvitationLetterTemplate_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_InvitationLetterTemplate_TenantId", table: "InvitationLetterTemplate", column: "TenantId", unique: true);

        migrationBuilder.CreateTable(
            name: "VisitLetter",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VisitId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: true),
                DocumentId = table.Column<Guid>(nullable: false),
                TitleZh = table.Column<string>(maxLength: 200, nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: false),
                BodyZh = table.Column<string>(maxLength: 12000, nullable: false),
                BodyEn = table.Column<string>(maxLength: 12000, nullable: false),
                IssuedByUserId = table.Column<Guid>(nullable: false),
                IssuedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitLetter", x => x.Id);
                table.ForeignKey("FK_VisitLetter_Visit_VisitId", x => x.VisitId, "Visit", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_VisitLetter_VisitMember_MemberId", x => x.MemberId, "VisitMember", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VisitLetter_IssuedDocument_DocumentId", x => x.DocumentId, "IssuedDocument", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VisitLetter_AspNetUsers_IssuedByUserId", x => x.IssuedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VisitLetter_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_VisitLetter_DocumentId", table: "VisitLetter", column: "DocumentId", unique: true);
        foreach (var column in new[] { "VisitId", "MemberId", "IssuedByUserId", "TenantId" })
        {
            migrationBuilder.CreateIndex(name: $"IX_VisitLetter_{column}", table: "VisitLetter", column: column);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "VisitLetter");
        migrationBuilder.DropTable(name: "InvitationLetterTemplate");
    }
}
