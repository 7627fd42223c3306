using System.Data.Common;

namespace Waishi.Bench.Trips;

public sealed record StaffRow(Guid Id, Guid UnitId);

/// <summary>What the seeder needs from the demo city: the institution, its staff with a unit, the
/// accounts that file trips (everyone with a staff record but the approver) and the trip chain.</summary>
public sealed class DemoCity
{
    public Guid TenantId { get; private init; }
    public Guid ApproverId { get; private init; }
    public long ExistingTrips { get; private init; }
    public List<StaffRow> Staff { get; } = [];
    public List<Guid> Filers { get; } = [];

    public static async Task<DemoCity> LoadAsync(Database db, DbConnection connection, string tenantCode, string approver, CancellationToken ct)
    {
        var tenantId = await ScalarGuidAsync(db, connection, "SELECT \"Id\" FROM \"Tenant\" WHERE \"Code\" = @v", tenantCode.ToUpperInvariant(), ct)
            ?? throw new InvalidOperationException($"no tenant {tenantCode}: seed the demo city first");
        var approverId = await ScalarGuidAsync(db, connection, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedUserName\" = @v", approver.ToUpperInvariant(), ct)
            ?? throw new InvalidOperationException($"no account {approver}");
        await using var count = Database.Command(connection, "SELECT COUNT(*) FROM \"Trip\" WHERE \"TenantId\" = @t");
        db.Add(count, "@t", tenantId);
        var city = new DemoCity { TenantId = tenantId, ApproverId = approverId, ExistingTrips = Convert.ToInt64(await count.ExecuteScalarAsync(ct)) };

        await using (var staff = Database.Command(connection,
            "SELECT \"Id\", \"UnitId\" FROM \"StaffMember\" WHERE \"TenantId\" = @t AND \"IsActive\" = @yes AND \"UnitId\" IS NOT NULL ORDER BY \"StaffNumber\""))
        {
            db.Add(staff, "@t", tenantId);
            db.Add(staff, "@yes", true);
            await using var reader = await staff.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                city.Staff.Add(new StaffRow(Database.ReadGuid(reader, 0), Database.ReadGuid(reader, 1)));
            }
        }
        await using (var users = Database.Command(connection,
            "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"TenantId\" = @t AND \"StaffMemberId\" IS NOT NULL AND \"Id\" <> @a ORDER BY \"UserName\""))
        {
            db.Add(users, "@t", tenantId);
            db.Add(users, "@a", approverId);
            await using var reader = await users.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                city.Filers.Add(Database.ReadGuid(reader, 0));
            }
        }
        if (city.Staff.Count == 0 || city.Filers.Count == 0)
        {
            throw new InvalidOperationException($"tenant {tenantCode} has no staff or accounts to file trips");
        }
        return city;
    }

    /// <summary>The current version of the institution's trip chain; when it has none yet, the
    /// default chain of the design is written, as the app does on first use.</summary>
    public async Task<Guid> TripChainVersionAsync(Database db, DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await using (var find = Database.Command(connection,
            "SELECT v.\"Id\" FROM \"WorkflowChain\" c JOIN \"WorkflowChainVersion\" v ON v.\"ChainId\" = c.\"Id\" AND v.\"Number\" = c.\"CurrentVersion\" " +
            "WHERE c.\"TenantId\" = @t AND c.\"CaseType\" = 'trip'", tx))
        {
            db.Add(find, "@t", TenantId);
            if (await find.ExecuteScalarAsync(ct) is { } found and not DBNull)
            {
                return found is Guid g ? g : Guid.Parse((string)found);
            }
        }
        var chainId = Guid.CreateVersion7();
        var versionId = Guid.CreateVersion7();
        await ExecuteAsync(db, connection, tx, "INSERT INTO \"WorkflowChain\" (\"Id\", \"CaseType\", \"CurrentVersion\", \"Version\", \"TenantId\") VALUES (@a, 'trip', 1, 1, @t)",
            ("@a", chainId), ("@t", TenantId));
        await ExecuteAsync(db, connection, tx, "INSERT INTO \"WorkflowChainVersion\" (\"Id\", \"ChainId\", \"Number\", \"CreatedUtc\", \"CreatedBy\", \"Version\", \"TenantId\") VALUES (@a, @c, 1, @at, 'system', 1, @t)",
            ("@a", versionId), ("@c", chainId), ("@at", DateTime.UtcNow), ("@t", TenantId));
        (string Role, string Scope, string Condition, int Days)[] steps =
        [
            ("unit-head", "ApplicantUnit", "Always", 5), ("officer-exit", "Tenant", "Always", 5),
            ("security-officer", "Tenant", "ClassifiedMemberOrScreeningHit", 5), ("director", "Tenant", "Always", 5),
            ("leader", "Tenant", "SeniorCadreLeader", 5), ("fao-officer", "Authority", "CityApprovalOrTaiwan", 10),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            await ExecuteAsync(db, connection, tx,
                "INSERT INTO \"WorkflowStep\" (\"Id\", \"ChainVersionId\", \"Position\", \"Role\", \"Scope\", \"Condition\", \"DeadlineDays\", \"Version\", \"TenantId\") " +
                "VALUES (@a, @v, @p, @r, @s, @c, @d, 1, @t)",
                ("@a", Guid.CreateVersion7()), ("@v", versionId), ("@p", i + 1), ("@r", steps[i].Role), ("@s", steps[i].Scope),
                ("@c", steps[i].Condition), ("@d", steps[i].Days), ("@t", TenantId));
        }
        return versionId;
    }

    private static async Task ExecuteAsync(Database db, DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] values)
    {
        await using var command = Database.Command(connection, sql, tx);
        foreach (var (name, value) in values)
        {
            db.Add(command, name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Guid?> ScalarGuidAsync(Database db, DbConnection connection, string sql, string value, CancellationToken ct)
    {
        await using var command = Database.Command(connection, sql);
        db.Add(command, "@v", value);
        return await command.ExecuteScalarAsync(ct) switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            _ => null,
        };
    }
}
