using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>The approval workflow: chains with immutable versions and their steps, cases and their
/// history, idempotency keys, and the authority's referrals.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000600_Workflow")]
public sealed class Workflow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WorkflowChain",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseType = table.Column<string>(maxLength: 32, nullable: false),
                CurrentVersion = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowChain", x => x.Id);
                TenantKey(table, "WorkflowChain", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowChainVersion",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChainId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowChainVersion", x => x.Id);
                table.ForeignKey("FK_WorkflowChainVersion_WorkflowChain_ChainId", x => x.ChainId, "WorkflowChain", "Id", onDelete: ReferentialAction.Cascade);
                TenantKey(table, "WorkflowChainVersion", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowStep",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChainVersionId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                Scope = table.Column<string>(maxLength: 16, nullable: false),
                Condition = table.Column<string>(maxLength: 40, nullable: false),
                Threshold = table.Column<int>(nullable: true),
                DeadlineDays = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowStep", x => x.Id);
                table.ForeignKey("FK_WorkflowStep_WorkflowChainVersion_ChainVersionId", x => x.ChainVersionId, "WorkflowChainVersion", "Id", onDelete: ReferentialAction.Cascade);
                TenantKey(table, "WorkflowStep", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowCase",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseType = table.Column<string>(maxLength: 32, nullable: false),
                SubjectId = table.Column<Guid>(nullable: true),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                Link = table.Column<string>(maxLength: 400, nullable: true),
                ChainVersionId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Step = table.Column<int>(nullable: false),
                Round = table.Column<int>(nullable: false),
                ApplicantUserId = table.Column<Guid>(nullable: false),
                ApplicantUnitId = table.Column<Guid>(nullable: true),
                DelegateUserId = table.Column<Guid>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                StepStartedUtc = table.Column<DateTime>(nullable: false),
                StepDueUtc = table.Column<DateTime>(nullable: true),
                ClosedUtc = table.Column<DateTime>(nullable: true),
                ClassifiedMember = table.Column<bool>(nullable: false),
                ScreeningHit = table.Column<bool>(nullable: false),
                VipLevel = table.Column<int>(nullable: false),
                SeniorCadreLeader = table.Column<bool>(nullable: false),
                DestinationTaiwan = table.Column<bool>(nullable: false),
                Size = table.Column<int>(nullable: false),
                CityApproval = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowCase", x => x.Id);
                table.ForeignKey("FK_WorkflowCase_WorkflowChainVersion_ChainVersionId", x => x.ChainVersionId, "WorkflowChainVersion", "Id", onDelete: ReferentialAction.Restrict);
                TenantKey(table, "WorkflowCase", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowEntry",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                Step = table.Column<int>(nullable: false),
                Round = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                DelegateUserId = table.Column<Guid>(nullable: true),
                Transition = table.Column<string>(maxLength: 120, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowEntry", x => x.Id);
                table.ForeignKey("FK_WorkflowEntry_WorkflowCase_CaseId", x => x.CaseId, "WorkflowCase", "Id", onDelete: ReferentialAction.Cascade);
                TenantKey(table, "WorkflowEntry", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowRequest",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Step = table.Column<int>(nullable: false),
                CaseVersion = table.Column<long>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowRequest", x => x.Id);
                TenantKey(table, "WorkflowRequest", x => x.TenantId);
            });

        migrationBuilder.CreateTable(
            name: "WorkflowReferral",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                SourceTenantId = table.Column<Guid>(nullable: false),
                SourceTenantName = table.Column<string>(maxLength: 200, nullable: false),
                CaseType = table.Column<string>(maxLength: 32, nullable: false),
                Title = table.Column<string>(maxLength: 400, nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                DelegateUserId = table.Column<Guid>(nullable: true),
                IsOpen = table.Column<bool>(nullable: false),
                Step = table.Column<int>(nullable: false),
                Round = table.Column<int>(nullable: false),
                ReferredUtc = table.Column<DateTime>(nullable: false),
                DueUtc = table.Column<DateTime>(nullable: true),
                CaseState = table.Column<string>(maxLength: 16, nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowReferral", x => x.Id);
                TenantKey(table, "WorkflowReferral", x => x.TenantId);
            });

        migrationBuilder.CreateIndex("IX_WorkflowChain_TenantId_CaseType", "WorkflowChain", ["TenantId", "CaseType"], unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowChainVersion_ChainId_Number", "WorkflowChainVersion", ["ChainId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowChainVersion_TenantId", "WorkflowChainVersion", "TenantId");
        migrationBuilder.CreateIndex("IX_WorkflowStep_ChainVersionId_Position", "WorkflowStep", ["ChainVersionId", "Position"], unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowStep_TenantId", "WorkflowStep", "TenantId");
        migrationBuilder.CreateIndex("IX_WorkflowCase_TenantId_State", "WorkflowCase", ["TenantId", "State"]);
        migrationBuilder.CreateIndex("IX_WorkflowCase_ApplicantUserId", "WorkflowCase", "ApplicantUserId");
        migrationBuilder.CreateIndex("IX_WorkflowCase_SubjectId", "WorkflowCase", "SubjectId");
        migrationBuilder.CreateIndex("IX_WorkflowCase_ChainVersionId", "WorkflowCase", "ChainVersionId");
        migrationBuilder.CreateIndex("IX_WorkflowEntry_Transition", "WorkflowEntry", "Transition", unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowEntry_CaseId", "WorkflowEntry", "CaseId");
        migrationBuilder.CreateIndex("IX_WorkflowEntry_TenantId", "WorkflowEntry", "TenantId");
        migrationBuilder.CreateIndex("IX_WorkflowRequest_UserId_Key", "WorkflowRequest", ["UserId", "Key"], unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowRequest_TenantId", "WorkflowRequest", "TenantId");
        migrationBuilder.CreateIndex("IX_WorkflowReferral_CaseId", "WorkflowReferral", "CaseId", unique: true);
        migrationBuilder.CreateIndex("IX_WorkflowReferral_TenantId_IsOpen", "WorkflowReferral", ["TenantId", "IsOpen"]);
    }

    private static void TenantKey<T>(CreateTableBuilder<T> table, string name, System.Linq.Expressions.Expression<Func<T, object>> column) =>
        table.ForeignKey($"FK_{name}_Tenant_TenantId", column, "Tenant", "Id", onDelete: ReferentialAction.Restrict);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "WorkflowReferral");
        migrationBuilder.DropTable(name: "WorkflowRequest");
        migrationBuilder.DropTable(name: "WorkflowEntry");
        migrationBuilder.DropTable(name: "WorkflowCase");
        migrationBuilder.DropTable(name: "WorkflowStep");
        migrationBuilder.DropTable(name: "WorkflowChainVersion");
        migrationBuilder.DropTable(name: "WorkflowChain");
    }
}
