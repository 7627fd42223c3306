using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Platform.Documents;

/// <summary>What a document shows publicly, copied into its register entry when it is issued.</summary>
public sealed record DocumentFacts(string Names, string? Destination, DateOnly? StartDate, DateOnly? EndDate);

/// <summary>The register of issued documents: issuing (one valid document per subject and kind),
/// revoking, and the public look-up by verification code.</summary>
public sealed class DocumentRegister(TimeProvider clock)
{
    /// <summary>The subject's valid document of the kind, also one staged in this context and not yet saved.</summary>
    public static async Task<IssuedDocument?> CurrentAsync(AppDbContext db, string kind, Guid subjectId, CancellationToken ct)
    {
        var staged = db.ChangeTracker.Entries<IssuedDocument>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == kind && e.Entity.SubjectId == subjectId && !e.Entity.Revoked)
            .Select(e => e.Entity).FirstOrDefault();
        if (staged is not null)
        {
            return staged;
        }
        // Revoked is checked again on the loaded rows: a revocation staged in this context is not saved yet.
        var saved = await db.Set<IssuedDocument>()
            .Where(d => d.Kind == kind && d.SubjectId == subjectId && !d.Revoked)
            .OrderByDescending(d => d.IssuedUtc).ToListAsync(ct);
        return saved.FirstOrDefault(d => !d.Revoked);
    }

    /// <summary>
    /// The subject's valid document, or a new one staged in <paramref name="db"/> (the caller saves).
    /// Its number is <paramref name="number"/>, with "-2", "-3" … for a document issued again after
    /// a revocation; without a number, the next of the tenant's year ("2026-0007").
    /// </summary>
    public async Task<IssuedDocument> EnsureAsync(AppDbContext db, Guid tenantId, string kind, Guid subjectId, string? number,
        DocumentFacts facts, CancellationToken ct)
    {
        if (await CurrentAsync(db, kind, subjectId, ct) is { } current)
        {
            return current;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // One statement reads the subject's documents and the year's count together: a document
        // issued by a simultaneous request is either seen here (and returned) or missed by both
        // counts, so that the number computed below is the same as that request's and the unique
        // number refuses the second save.
        var snapshot = await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.TenantId == tenantId && d.Kind == kind && (d.SubjectId == subjectId || d.IssuedUtc >= start))
            .Select(d => new { d.Id, d.SubjectId, d.Revoked, d.IssuedUtc }).ToListAsync(ct);
        var revokedHere = db.ChangeTracker.Entries<IssuedDocument>().Where(e => e.Entity.Revoked).Select(e => e.Entity.Id).ToHashSet();
        if (snapshot.FirstOrDefault(d => d.SubjectId == subjectId && !d.Revoked && !revokedHere.Contains(d.Id)) is { } valid)
        {
            return await db.Set<IssuedDocument>().IgnoreQueryFilters().SingleAsync(d => d.Id == valid.Id, ct);
        }
        var tenant = await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == tenantId, ct);
        number ??= $"{now.Year}-{snapshot.Count(d => d.IssuedUtc >= start) + 1:0000}";
        var earlier = snapshot.Count(d => d.SubjectId == subjectId);
        var document = new IssuedDocument
        {
            TenantId = tenantId, Kind = kind, SubjectId = subjectId, Code = VerificationCode.New(),
            Number = earlier == 0 ? number : $"{number}-{earlier + 1}",
            IssuerZh = tenant.NameZh, IssuerEn = tenant.NameEn,
            Names = Clip(facts.Names, 2000)!, Destination = Clip(facts.Destination, 500),
            StartDate = facts.StartDate, EndDate = facts.EndDate, IssuedUtc = now,
        };
        db.Add(document);
        return document;
    }

    /// <summary>Marks the subject's valid document revoked (an amendment or a withdrawal); the caller saves.</summary>
    public async Task<IssuedDocument?> RevokeAsync(AppDbContext db, string kind, Guid subjectId, CancellationToken ct)
    {
        var current = await CurrentAsync(db, kind, subjectId, ct);
        if (current is not null)
        {
            current.Revoked = true;
            current.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        }
        return current;
    }

    /// <summary>The document with this code, in any tenant: the public check needs no sign-in.</summary>
    public static Task<IssuedDocument?> FindAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
