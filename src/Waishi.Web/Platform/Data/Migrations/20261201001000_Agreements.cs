using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>Agreements with their parties, signatories, quotas, mobilities and documents; the agreement policy; partners' EWP HEI ids.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201001000_Agreements")]
public sealed class Agreements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "EwpHeiId", table: "Partner", maxLength: 100, nullable: true);

        migrationBuilder.CreateTable(
            name: "AgreementPolicy",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EwpHeiId = table.Column<string>(maxLength: 100, nullable: true),
                ExpiringDays = table.Column<int>(nullable: false),
                ReminderDays = table.Column<string>(maxLength: 50, nullable: false),
                DormantYears = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementPolicy", x => x.Id);
                table.ForeignKey("FK_AgreementPolicy_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementPolicy_TenantId", table: "AgreementPolicy", column: "TenantId", unique: true);

        migrationBuilder.CreateTable(
            name: "Agreement",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: true),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Type = table.Column<string>(maxLength: 24, nullable: false),
                State = table.Column<string>(maxLength: 24, nullable: false),
                SigningUnitId = table.Column<Guid>(nullable: true),
                OfficerUserId = table.Column<Guid>(nullable: true),
                SignedOn = table.Column<DateOnly>(nullable: true),
                EffectiveOn = table.Column<DateOnly>(nullable: true),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
                AutoRenew = table.Column<bool>(nullable: false),
                RenewalMonths = table.Column<int>(nullable: true),
                SubjectAreas = table.Column<string>(maxLength: 2000, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: false),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                ApprovedUtc = table.Column<DateTime>(nullable: true),
                CaseId = table.Column<Guid>(nullable: true),
                RenewsAgreementId = table.Column<Guid>(nullable: true),
                TerminatedOn = table.Column<DateOnly>(nullable: true),
                TerminationReason = table.Column<string>(maxLength: 1000, nullable: true),
                Dormant = table.Column<bool>(nullable: false),
                EwpIiaId = table.Column<string>(maxLength: 64, nullable: true),
                EwpPartnerIiaId = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agreement", x => x.Id);
                table.ForeignKey("FK_Agreement_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Agreement_TenantId_State_ExpiresOn", table: "Agreement", columns: ["TenantId", "State", "ExpiresOn"]);
        migrationBuilder.CreateIndex(name: "IX_Agreement_TenantId_Number", table: "Agreement", columns: ["TenantId", "Number"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Agreement_CaseId", table: "Agreement", column: "CaseId");
        migrationBuilder.CreateIndex(name: "IX_Agreement_RenewsAgreementId", table: "Agreement", column: "RenewsAgreementId");

        migrationBuilder.CreateTable(
            name: "AgreementParty",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementParty", x => x.Id);
                table.ForeignKey("FK_AgreementParty_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AgreementParty_Partner_PartnerId", x => x.PartnerId, "Partner", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AgreementParty_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementParty_AgreementId_PartnerId", table: "AgreementParty", columns: ["AgreementId", "PartnerId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_AgreementParty_PartnerId", table: "AgreementParty", column: "PartnerId");
        migrationBuilder.CreateIndex(name: "IX_AgreementParty_TenantId", table: "AgreementParty", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "AgreementSignatory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: true),
                SignedOn = table.Column<DateOnly>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementSignatory", x => x.Id);
                table.ForeignKey("FK_AgreementSignatory_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AgreementSignatory_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementSignatory_AgreementId", table: "AgreementSignatory", column: "AgreementId");
        migrationBuilder.CreateIndex(name: "IX_AgreementSignatory_TenantId", table: "AgreementSignatory", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "AgreementQuota",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                Direction = table.Column<string>(maxLength: 16, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                FirstYear = table.Column<int>(nullable: false),
                LastYear = table.Column<int>(nullable: false),
                PlacesPerYear = table.Column<int>(nullable: false),
                MonthsPerYear = table.Column<decimal>(precision: 6, scale: 2, nullable: true),
                DaysPerYear = table.Column<decimal>(precision: 6, scale: 2, nullable: true),
                Blended = table.Column<bool>(nullable: false),
                SubjectAreas = table.Column<string>(maxLength: 2000, nullable: true),
                EqfLevels = table.Column<string>(maxLength: 20, nullable: true),
                LanguageSkills = table.Column<string>(maxLength: 1000, nullable: true),
                OtherTerms = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementQuota", x => x.Id);
                table.ForeignKey("FK_AgreementQuota_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AgreementQuota_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementQuota_AgreementId", table: "AgreementQuota", column: "AgreementId");
        migrationBuilder.CreateIndex(name: "IX_AgreementQuota_TenantId", table: "AgreementQuota", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "AgreementMobility",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                PartnerId = table.Column<Guid>(nullable: false),
                Direction = table.Column<string>(maxLength: 16, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                Year = table.Column<int>(nullable: false),
                PersonName = table.Column<string>(maxLength: 200, nullable: false),
                StartOn = table.Column<DateOnly>(nullable: true),
                EndOn = table.Column<DateOnly>(nullable: true),
                Notes = table.Column<string>(maxLength: 1000, nullable: true),
                SourceType = table.Column<string>(maxLength: 16, nullable: true),
                SourceId = table.Column<Guid>(nullable: true),
                RecordedUtc = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: false),
                Version = table.Column<long>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AgreementMobility", x => x.Id);
                table.ForeignKey("FK_AgreementMobility_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AgreementMobility_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementMobility_AgreementId_Year", table: "AgreementMobility", columns: ["AgreementId", "Year"]);
        migrationBuilder.CreateIndex(name: "IX_AgreementMobility_SourceType_SourceId", table: "AgreementMobility", columns: ["SourceType", "SourceId"]);
        migrationBuilder.CreateIndex(name: "IX_AgreementMobility_TenantId", table: "AgreementMobility", column: "TenantId");

        migrationBuilder.CreateTable(
            name: "AgreementDocument",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
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
                table.PrimaryKey("PK_AgreementDocument", x => x.Id);
                table.ForeignKey("FK_AgreementDocument_Agreement_AgreementId", x => x.AgreementId, "Agreement", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AgreementDocument_Tenant_TenantId", x => x.TenantId, "Tenant", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_AgreementDocument_AgreementId", table: "AgreementDocument", column: "AgreementId");
        migrationBuilder.CreateIndex(name: "IX_AgreementDocument_TenantId", table: "AgreementDocument", column: "TenantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AgreementDocument");
        migrationBuilder.DropTable(name: "AgreementMobility");
        migrationBuilder.DropTable(name: "AgreementQuota");
        migrationBuilder.DropTable(name: "AgreementSignatory");
        migrationBuilder.DropTable(name: "AgreementParty");
        migrationBuilder.DropTable(name: "Agreement");
        migrationBuilder.DropTable(name: "AgreementPolicy");
        migrationBuilder.DropColumn(name: "EwpHeiId", table: "Partner");
    }
}
