using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Waishi.Web.Platform.Data.Migrations;

/// <summary>
/// The platform's tables: tenants, org units, people, accounts and roles, access tokens, the audit
/// chain, the outbox and inbox, and job leases. Written by hand and provider-neutral: column types
/// are left to the provider's mapping of each CLR type, so the same migration serves SQLite and
/// PostgreSQL. The schema test checks the result against the model on both.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000000_Platform")]
public sealed class Platform : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.CreateTable(
                name: "AuditEntry",
                columns: table => new
                {
                    Sequence = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: true),
                    UserId = table.Column<Guid>(nullable: true),
                    UserName = table.Column<string>(maxLength: 256, nullable: true),
                    AtUtc = table.Column<DateTime>(nullable: false),
                    EntityType = table.Column<string>(maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(maxLength: 200, nullable: false),
                    Action = table.Column<string>(maxLength: 16, nullable: false),
                    Before = table.Column<string>(nullable: true),
                    After = table.Column<string>(nullable: true),
                    PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntry", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "JobLease",
                columns: table => new
                {
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Holder = table.Column<string>(maxLength: 100, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                    LastDueUtc = table.Column<DateTime>(nullable: true),
                    LastStartedUtc = table.Column<DateTime>(nullable: true),
                    LastFinishedUtc = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(nullable: true),
                    Runs = table.Column<long>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLease", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessage",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: true),
                    RecipientUserId = table.Column<Guid>(nullable: true),
                    RecipientEmail = table.Column<string>(maxLength: 256, nullable: true),
                    Subject = table.Column<string>(maxLength: 400, nullable: false),
                    Body = table.Column<string>(nullable: false),
                    Link = table.Column<string>(maxLength: 400, nullable: true),
                    DeduplicationKey = table.Column<string>(maxLength: 200, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(nullable: false),
                    InboxDeliveredUtc = table.Column<DateTime>(nullable: true),
                    EmailSentUtc = table.Column<DateTime>(nullable: true),
                    EmailSkipped = table.Column<bool>(nullable: false),
                    CompletedUtc = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(nullable: true),
                    LockedBy = table.Column<string>(maxLength: 100, nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(nullable: true),
                    Version = table.Column<long>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tenant",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(maxLength: 32, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: false),
                    NameZh = table.Column<string>(maxLength: 200, nullable: false),
                    Kind = table.Column<string>(maxLength: 16, nullable: false),
                    AddressEn = table.Column<string>(nullable: true),
                    AddressZh = table.Column<string>(nullable: true),
                    Phone = table.Column<string>(nullable: true),
                    Fax = table.Column<string>(nullable: true),
                    Website = table.Column<string>(nullable: true),
                    IsActive = table.Column<bool>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenant", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnit",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ParentId = table.Column<Guid>(nullable: true),
                    Code = table.Column<string>(maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: false),
                    Kind = table.Column<string>(maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(nullable: false),
                    IsActive = table.Column<bool>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgUnit_OrgUnit_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrgUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrgUnit_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffMember",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    StaffNumber = table.Column<string>(maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: true),
                    UnitId = table.Column<Guid>(nullable: true),
                    Title = table.Column<string>(maxLength: 100, nullable: true),
                    CadreLevel = table.Column<string>(maxLength: 16, nullable: false),
                    IsClassified = table.Column<bool>(nullable: false),
                    ClassifiedLevel = table.Column<string>(maxLength: 16, nullable: false),
                    Email = table.Column<string>(maxLength: 256, nullable: true),
                    Phone = table.Column<string>(maxLength: 40, nullable: true),
                    Mobile = table.Column<string>(maxLength: 40, nullable: true),
                    IsActive = table.Column<bool>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMember_OrgUnit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StaffMember_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Student",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    StudentNumber = table.Column<string>(maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(maxLength: 200, nullable: true),
                    UnitId = table.Column<Guid>(nullable: true),
                    DegreeLevel = table.Column<string>(maxLength: 16, nullable: false),
                    Nationality = table.Column<string>(maxLength: 2, nullable: false),
                    Email = table.Column<string>(maxLength: 256, nullable: true),
                    Phone = table.Column<string>(maxLength: 40, nullable: true),
                    IsActive = table.Column<bool>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Student", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Student_OrgUnit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Student_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                    StaffMemberId = table.Column<Guid>(nullable: true),
                    StudentId = table.Column<Guid>(nullable: true),
                    PreferredCulture = table.Column<string>(maxLength: 10, nullable: true),
                    IsDisabled = table.Column<bool>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    UserName = table.Column<string>(maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                    Email = table.Column<string>(maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(nullable: false),
                    PasswordHash = table.Column<string>(nullable: true),
                    SecurityStamp = table.Column<string>(nullable: true),
                    ConcurrencyStamp = table.Column<string>(nullable: true),
                    PhoneNumber = table.Column<string>(nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                    TwoFactorEnabled = table.Column<bool>(nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                    LockoutEnabled = table.Column<bool>(nullable: false),
                    AccessFailedCount = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_StaffMember_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMember",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Student_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Student",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(nullable: false),
                    ClaimType = table.Column<string>(nullable: true),
                    ClaimValue = table.Column<string>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(nullable: false),
                    ProviderKey = table.Column<string>(nullable: false),
                    ProviderDisplayName = table.Column<string>(nullable: true),
                    UserId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(nullable: false),
                    LoginProvider = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Value = table.Column<string>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboxItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    UserId = table.Column<Guid>(nullable: false),
                    MessageId = table.Column<Guid>(nullable: false),
                    Subject = table.Column<string>(maxLength: 400, nullable: false),
                    Body = table.Column<string>(nullable: false),
                    Link = table.Column<string>(maxLength: 400, nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    ReadUtc = table.Column<DateTime>(nullable: true),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboxItem_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InboxItem_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonalAccessToken",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    UserId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    ExpiresUtc = table.Column<DateTime>(nullable: true),
                    LastUsedUtc = table.Column<DateTime>(nullable: true),
                    RevokedUtc = table.Column<DateTime>(nullable: true),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalAccessToken", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalAccessToken_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonalAccessToken_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    UserId = table.Column<Guid>(nullable: false),
                    Role = table.Column<string>(maxLength: 32, nullable: false),
                    OrgUnitId = table.Column<Guid>(nullable: true),
                    Version = table.Column<long>(nullable: false),
                    TenantId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignment_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleAssignment_OrgUnit_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignment_Tenant_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StaffMemberId",
                table: "AspNetUsers",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StudentId",
                table: "AspNetUsers",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId",
                table: "AspNetUsers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntry_EntityType_EntityId",
                table: "AuditEntry",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntry_TenantId_AtUtc",
                table: "AuditEntry",
                columns: new[] { "TenantId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItem_TenantId",
                table: "InboxItem",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItem_UserId_MessageId",
                table: "InboxItem",
                columns: new[] { "UserId", "MessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItem_UserId_ReadUtc",
                table: "InboxItem",
                columns: new[] { "UserId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnit_ParentId",
                table: "OrgUnit",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnit_TenantId_Code",
                table: "OrgUnit",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_CompletedUtc_NextAttemptUtc",
                table: "OutboxMessage",
                columns: new[] { "CompletedUtc", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_DeduplicationKey",
                table: "OutboxMessage",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessToken_SecretHash",
                table: "PersonalAccessToken",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessToken_TenantId",
                table: "PersonalAccessToken",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessToken_UserId",
                table: "PersonalAccessToken",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignment_OrgUnitId",
                table: "RoleAssignment",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignment_TenantId",
                table: "RoleAssignment",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignment_UserId_Role_OrgUnitId",
                table: "RoleAssignment",
                columns: new[] { "UserId", "Role", "OrgUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMember_TenantId_StaffNumber",
                table: "StaffMember",
                columns: new[] { "TenantId", "StaffNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMember_UnitId",
                table: "StaffMember",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Student_TenantId_StudentNumber",
                table: "Student",
                columns: new[] { "TenantId", "StudentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Student_UnitId",
                table: "Student",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Tenant_Code",
                table: "Tenant",
                column: "Code",
                unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RoleAssignment");
        migrationBuilder.DropTable(name: "PersonalAccessToken");
        migrationBuilder.DropTable(name: "InboxItem");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "Student");
        migrationBuilder.DropTable(name: "StaffMember");
        migrationBuilder.DropTable(name: "OrgUnit");
        migrationBuilder.DropTable(name: "Tenant");
        migrationBuilder.DropTable(name: "OutboxMessage");
        migrationBuilder.DropTable(name: "JobLease");
        migrationBuilder.DropTable(name: "AuditEntry");
    }
}
