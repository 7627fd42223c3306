using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Documents;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Web.Features.Visits.Letters;

public enum LetterIssueStatus
{
    /// <summary>No such visit or member, or not one the user may see.</summary>
    NotFound,
    /// <summary>Letters are issued only for approved visits.</summary>
    NotApproved,
    Issued,
    /// <summary>The subject already had a valid letter: that one is returned.</summary>
    Existing,
}

public sealed record LetterIssue(LetterIssueStatus Status, VisitLetter? Letter = null, IssuedDocument? Document = null, VisitState State = default);

/// <summary>
/// Issues invitation letters: fills the tenant's template with the visit and the visitor, registers
/// the letter in the document register (kind "invitation-letter", the next number of the tenant's
/// year, a verification code), revokes and re-issues, and renders the bilingual PDF.
/// </summary>
public sealed class VisitLetters(DocumentRegister register, CjkFont font, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    private const int Attempts = 12;

    public static async Task<InvitationLetterTemplate> TemplateAsync(AppDbContext db, Guid tenantId, CancellationToken ct) =>
        await db.Set<InvitationLetterTemplate>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, ct)
        ?? InvitationLetterTemplate.Default(tenantId);

    /// <summary>
    /// The valid letter of the member (or of the delegation when <paramref name="memberId"/> is null),
    /// or a new one saved now. With <paramref name="reissue"/> the valid letter is revoked and a new
    /// one issued (its number the first letter's, suffixed "-2", "-3" …). Two letters issued at the
    /// same moment compute the same number; the register's unique number refuses the second save,
    /// which then looks again and takes the next.
    /// </summary>
    public async Task<LetterIssue> IssueAsync(AppDbContext db, IQueryable<Visit> visible, Guid visitId, Guid? memberId, Guid userId,
        bool reissue, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var visit = await visible.Include(v => v.Members).AsSplitQuery().FirstOrDefaultAsync(v => v.Id == visitId, ct);
            if (visit is null || (memberId is { } m && visit.Members.All(x => x.Id != m)))
            {
                return new(LetterIssueStatus.NotFound);
            }
            if (visit.State is not (VisitState.Approved or VisitState.Closed))
            {
                return new(LetterIssueStatus.NotApproved, State: visit.State);
            }
            var subject = VisitLetter.SubjectOf(visit.Id, memberId);
            if (reissue)
            {
                await register.RevokeAsync(db, DocumentKinds.InvitationLetter, subject, ct);
            }
            else if (await DocumentRegister.CurrentAsync(db, DocumentKinds.InvitationLetter, subject, ct) is { } current)
            {
                var existing = await db.Set<VisitLetter>().FirstOrDefaultAsync(l => l.DocumentId == current.Id, ct);
                return new(LetterIssueStatus.Existing, existing, current, visit.State);
            }
            var first = await db.Set<IssuedDocument>().AsNoTracking()
                .Where(d => d.Kind == DocumentKinds.InvitationLetter && d.SubjectId == subject)
                .OrderBy(d => d.IssuedUtc).Select(d => d.Number).FirstOrDefaultAsync(ct);
            var member = memberId is null ? null : visit.Members.Single(x => x.Id == memberId);
            var values = await ValuesAsync(db, visit, member, ct);
            var names = member is null
                ? string.Join("; ", visit.Members.OrderBy(x => x.SortOrder).Select(NameOf))
                : NameOf(member);
            var document = await register.EnsureAsync(db, visit.TenantId, DocumentKinds.InvitationLetter, subject, first,
                new DocumentFacts(names, null, visit.ArrivalDate, visit.DepartureDate), ct);
            if (db.Entry(document).State != EntityState.Added)
            {
                var existing = await db.Set<VisitLetter>().FirstOrDefaultAsync(l => l.DocumentId == document.Id, ct);
                return new(LetterIssueStatus.Existing, existing, document, visit.State);
            }
            var template = await TemplateAsync(db, visit.TenantId, ct);
            var (bodyZh, bodyEn) = LetterText.Fill(template, values, out var titleZh, out var titleEn);
            var letter = new VisitLetter
            {
                TenantId = visit.TenantId, VisitId = visit.Id, MemberId = memberId, DocumentId = document.Id,
                TitleZh = titleZh, TitleEn = titleEn, BodyZh = bodyZh, BodyEn = bodyEn,
                IssuedByUserId = userId, IssuedUtc = document.IssuedUtc,
            };
            db.Add(letter);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(LetterIssueStatus.Issued, letter, document, visit.State);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, ct);
            }
        }
    }

    /// <summary>Revokes the letter's document (its code then verifies as revoked); the caller saves.</summary>
    public async Task<IssuedDocument?> RevokeAsync(AppDbContext db, VisitLetter letter, CancellationToken ct)
    {
        var document = await db.Set<IssuedDocument>().FirstOrDefaultAsync(d => d.Id == letter.DocumentId, ct);
        if (document is { Revoked: false })
        {
            document.Revoked = true;
            document.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        }
        return document;
    }

    /// <summary>The placeholder values for a member's letter, or the delegation's when <paramref name="member"/> is null.</summary>
    public async Task<LetterValues> ValuesAsync(AppDbContext db, Visit visit, VisitMember? member, CancellationToken ct)
    {
        var tenant = await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == visit.TenantId, ct);
        var unit = await db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == visit.UnitId && u.TenantId == visit.TenantId, ct);
        var t = new Bilingual(localizer);
        var members = visit.Members.OrderBy(m => m.SortOrder).ToList();
        var leader = members.FirstOrDefault(m => m.IsLeader) ?? members.FirstOrDefault();
        var list = t["see the list of members below"];
        BiText Same(string? text) => new(text ?? "—", text ?? "—");
        var values = new Dictionary<string, BiText>
        {
            ["purpose"] = Same(visit.Purpose),
            ["visit_title"] = Same(visit.Title),
            ["arrival"] = Same(LetterText.Iso(visit.ArrivalDate)),
            ["departure"] = Same(LetterText.Iso(visit.DepartureDate)),
            ["unit"] = unit is null ? Same(null) : new BiText(unit.NameZh, unit.NameEn),
            ["institution"] = new BiText(tenant.NameZh, tenant.NameEn),
            ["date"] = Same(LetterText.Iso(DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime))),
        };
        if (member is not null)
        {
            values["name"] = new BiText(string.IsNullOrWhiteSpace(member.NameZh) ? member.NameLatin : $"{member.NameZh}（{member.NameLatin}）", member.NameLatin);
            values["nationality"] = Country(member.Nationality);
            values["passport"] = Same(member.PassportNumber);
            values["birth_date"] = Same(LetterText.Iso(member.BirthDate));
            values["title"] = Same(member.Title);
            values["organisation"] = Same(member.Organisation);
        }
        else
        {
            values["name"] = new BiText(string.Join("、", members.Select(m => string.IsNullOrWhiteSpace(m.NameZh) ? m.NameLatin : m.NameZh)),
                string.Join(", ", members.Select(m => m.NameLatin)));
            values["nationality"] = list;
            values["passport"] = list;
            values["birth_date"] = list;
            values["title"] = Same(leader?.Title);
            values["organisation"] = Same(string.Join("; ", members.Select(m => m.Organisation).Where(o => o.Length > 0).Distinct()));
        }
        return new LetterValues(values);
    }

    public async Task<byte[]> RenderAsync(AppDbContext db, VisitLetter letter, IssuedDocument document, string verifyUrl, CancellationToken ct)
    {
        var tenant = await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == letter.TenantId, ct);
        var members = letter.MemberId is null
            ? await db.Set<VisitMember>().AsNoTracking().Where(m => m.VisitId == letter.VisitId).OrderBy(m => m.SortOrder).ToListAsync(ct)
            : [];
        var rows = members.Select(m => (IReadOnlyList<string>)
            [m.NameLatin + (string.IsNullOrWhiteSpace(m.NameZh) ? "" : "\n" + m.NameZh), Country(m.Nationality).ToString(),
             m.PassportNumber ?? "", LetterText.Iso(m.BirthDate), m.Title ?? ""]).ToList();
        return LetterPdf.Render(letter, document, tenant, rows, verifyUrl, font.Family, new Bilingual(localizer));
    }

    public static string NameOf(VisitMember m) => string.IsNullOrWhiteSpace(m.NameZh) ? m.NameLatin : $"{m.NameZh} {m.NameLatin}";

    /// <summary>The Chinese and English names of a country or region; Hong Kong, Macao and Taiwan as regions of China.</summary>
    public BiText Country(string code)
    {
        var t = new Bilingual(localizer);
        switch (code.ToUpperInvariant())
        {
            case "HK": return t["Hong Kong, China"];
            case "MO": return t["Macao, China"];
            case "TW": return t["Taiwan, China"];
        }
        try
        {
            var english = new RegionInfo(code).EnglishName;
            return new BiText(Bilingual.Of(() => new RegionInfo(code).DisplayName).Zh, english);
        }
        catch (ArgumentException)
        {
            return new BiText(code, code);
        }
    }
}
