using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Cooperation projects with their partners, principal investigators, outputs and documents.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001100_Projects")]
public sealed class Projects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CooperationProject",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleZh = table.Column<string>(maxLength: 300, nullable: true),
                UnitId = table.Column<Guid>(nullable: true),
                FundingSource = table.Column<string>(maxLength: 200, nullable: true),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Currency = table.Column<string>(maxLength: 3, nullable: true),
                StartOn = table.Column<DateOnly>(nullable: false),
                EndOn = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                OfficerUserId = table.Column<Guid>(nullable: true),
                AgreementId = table.Column<Guid>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CooperationProject", x => x.Id);
                Restrict(table, "CooperationProject", "UnitId", "OrgUnit", x => x.UnitId);
                Restrict(table, "CooperationProject", "OfficerUserId", "AspNetUsers", x => x.OfficerUserId);
                table.ForeignKey("FK_CooperationProject_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.SetNull);
                Restrict(table, "CooperationProject", "TenantId", "Tenant", x => x.TenantId);
            });
        migrationBuilder.CreateIndex(name: "IX_CooperationProject_TenantId_Status_StartOn", table: "CooperationProject", columns: ["TenantId", "Status", "StartOn"]);
        migrationBuilder.CreateIndex(name: "IX_CooperationProject_UnitId", table: "CooperationProject", column: "UnitId");
        migrationBuilder.CreateIndex(name: "IX_CooperationProject_OfficerUserId", table: "CooperationProject", column: "OfficerUserId");
        migrationBuilder.CreateIndex(name: "IX_CooperationProject_AgreementId", table: "CooperationProject", column: "AgreementId");

        migrationBuilder.CreateTable(
            name: "ProjectPartner",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectPartner", x => x.Id);
                Cascade(table, "ProjectPartner", "ProjectId", "CooperationProject", x => x.ProjectId);
                Restrict(table, "ProjectPartner", "PartnerId", "Partner", x => x.PartnerId);
                Restrict(table, "ProjectPartner", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProjectPartner");
        migrationBuilder.CreateIndex(name: "IX_ProjectPartner_PartnerId", table: "ProjectPartner", column: "PartnerId");

        migrationBuilder.CreateTable(
            name: "ProjectInvestigator",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Side = table.Column<string>(maxLength: 16, nullable: false),
                StaffMemberId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                PartnerId = table.Column<Guid>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectInvestigator", x => x.Id);
                Cascade(table, "ProjectInvestigator", "ProjectId", "CooperationProject", x => x.ProjectId);
                Restrict(table, "ProjectInvestigator", "StaffMemberId", "StaffMember", x => x.StaffMemberId);
                Restrict(table, "ProjectInvestigator", "PartnerId", "Partner", x => x.PartnerId);
                Restrict(table, "ProjectInvestigator", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProjectInvestigator");
        migrationBuilder.CreateIndex(name: "IX_ProjectInvestigator_StaffMemberId", table: "ProjectInvestigator", column: "StaffMemberId");
        migrationBuilder.CreateIndex(name: "IX_ProjectInvestigator_PartnerId", table: "ProjectInvestigator", column: "PartnerId");

        migrationBuilder.CreateTable(
            name: "ProjectOutput",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Date = table.Column<DateOnly>(nullable: true),
                Reference = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectOutput", x => x.Id);
                Cascade(table, "ProjectOutput", "ProjectId", "CooperationProject", x => x.ProjectId);
                Restrict(table, "ProjectOutput", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProjectOutput");

        migrationBuilder.CreateTable(
            name: "ProjectDocument",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
                UploadedByUserId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectDocument", x => x.Id);
                Cascade(table, "ProjectDocument", "ProjectId", "CooperationProject", x => x.ProjectId);
                Restrict(table, "ProjectDocument", "TenantId", "Tenant", x => x.TenantId);
            });
        ChildIndexes(migrationBuilder, "ProjectDocument");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ProjectDocument", "ProjectOutput", "ProjectInvestigator", "ProjectPartner", "CooperationProject" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    private static void ChildIndexes(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.CreateIndex(name: $"IX_{table}_ProjectId", table: table, column: "ProjectId");
        migrationBuilder.CreateIndex(name: $"IX_{table}_TenantId", table: table, column: "TenantId");
    }

    private static void Restrict<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Restrict);

    private static void Cascade<T>(CreateTableBuilder<T> table, string name, string column, string principal, System.Linq.Expressions.Expression<Func<T, object>> key) =>
        table.ForeignKey($"FK_{name}_{principal}_{column}", key, principal, "Id", onDelete: ReferentialAction.Cascade);
}
