using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Workflow;

namespace Waishi.Web.Features.Agreements;

/// <summary>
/// The lifecycle of an agreement in one place: submit (a number and a case on the chain of its
/// type), record the signing, terminate and renew. The review's outcome comes back through
/// <see cref="AgreementCases"/>. Every action checks the version the user saw.
/// </summary>
public sealed class AgreementActions(AppDbContext db, WorkflowEngine engine, TimeProvider clock, IEnumerable<IAgreementScreening> screenings)
{
    public const string NotInStateMessage = "This cannot be done to an agreement that is {0}.";

    public static string CaseType(AgreementType type) => type switch
    {
        AgreementType.FrameworkMou => CaseTypes.AgreementFrameworkMou,
        AgreementType.StudentExchange => CaseTypes.AgreementStudentExchange,
        AgreementType.StaffExchange => CaseTypes.AgreementStaffExchange,
        AgreementType.JointDegree => CaseTypes.AgreementJointDegree,
        AgreementType.CooperativeEducation => CaseTypes.AgreementCooperativeEducation,
        AgreementType.ResearchCooperation => CaseTypes.AgreementResearchCooperation,
        _ => CaseTypes.AgreementSummerSchool,
    };

    public DateOnly Today => Trips.TripsSetup.Today(clock);

    private static AgreementOutcome NotIn(Agreement a) => AgreementOutcome.Conflict(NotInStateMessage, AgreementLabels.Of(a.State));

    /// <summary>What a submission needs beyond a valid draft.</summary>
    public static List<FieldError> SubmissionErrors(Agreement a)
    {
        var errors = new List<FieldError>();
        if (a.Parties.Count == 0)
        {
            errors.Add(new("Parties[0].PartnerId", "Choose at least one partner institution as a party."));
        }
        if (a.SigningUnitId is null)
        {
            errors.Add(new(nameof(Agreement.SigningUnitId), "Choose the unit that signs before submitting."));
        }
        if (a.OfficerUserId is null)
        {
            errors.Add(new(nameof(Agreement.OfficerUserId), "Choose the responsible officer before submitting."));
        }
        return errors;
    }

    /// <summary>
    /// Submits a draft (it gets its number and a case on the chain of its type, in one save) or
    /// resubmits a returned agreement on its case, which restarts at the step that returned it.
    /// </summary>
    public const string OpenHitMessage = "{0}, a party of this agreement, has an open screening hit: the security officer or the director must decide it first ({1}).";

    public async Task<AgreementOutcome> SubmitAsync(Guid id, long version, Guid userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var a = await AgreementWriter.LoadAsync(db, id, ct);
            if (a is null)
            {
                return AgreementOutcome.NotFound;
            }
            if (a.Version != version)
            {
                return AgreementOutcome.Stale;
            }
            if (!a.IsEditable)
            {
                return NotIn(a);
            }
            if (SubmissionErrors(a) is { Count: > 0 } errors)
            {
                return AgreementOutcome.Invalid(errors);
            }
            var (unitId, facts) = await FactsAsync(a, ct);
            a.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
            db.ExpectVersion(a, version);
            if (a.State == AgreementState.Returned && a.CaseId is { } caseId)
            {
                var returned = await db.Set<WorkflowCase>().AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
                WorkflowResult result;
                try
                {
                    result = await engine.DecideAsync(caseId, new CaseDecision(WorkflowAction.Resubmit, userId, returned.Step, returned.Version, NewFacts: facts), ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear();
                    return AgreementOutcome.Stale;
                }
                return result.Succeeded ? AgreementOutcome.Ok(a.Id)
                    : result.Status == DecisionStatus.Forbidden ? new AgreementOutcome(AgreementOutcome.Kinds.Forbidden, [new FieldError("", result.Message ?? "")])
                    : AgreementOutcome.Conflict(result.Message ?? WorkflowMachine.ConflictMessage);
            }
            a.Number ??= await NextNumberAsync(ct);
            var c = await engine.StageAsync(new StartCase(CaseType(a.Type), $"{a.Number} {a.Title}", userId, unitId, facts,
                await SummaryAsync(a, ct), $"/Agreements/Details/{a.Id}", a.Id), ct);
            a.CaseId = c.Id;
            try
            {
                await db.SaveChangesAsync(ct);
                return AgreementOutcome.Ok(a.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return AgreementOutcome.Stale;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another agreement took the same number in the meantime: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The unit the case is filed for (a signing college, whose head reviews first; none when
    /// the university itself signs) and the facts the chain reads.</summary>
    private async Task<(Guid? UnitId, CaseFacts Facts)> FactsAsync(Agreement a, CancellationToken ct)
    {
        var college = a.SigningUnitId is { } unitId
            && await db.Set<OrgUnit>().AnyAsync(u => u.Id == unitId && u.Kind == OrgUnitKind.College, ct);
        var hit = false;
        foreach (var screening in screenings)
        {
            hit |= await screening.HitAsync(a, ct);
        }
        return (college ? a.SigningUnitId : null, new CaseFacts(ScreeningHit: hit, Size: college ? 1 : 0));
    }

    /// <summary>The first open hit of a party of <paramref name="a"/> (parties loaded), or null.</summary>
    public static async Task<OpenPartyHit?> OpenHitAsync(IEnumerable<IAgreementScreening> screenings, Agreement a, CancellationToken ct)
    {
        foreach (var screening in screenings)
        {
            if (await screening.OpenHitAsync(a, ct) is { } hit)
            {
                return hit;
            }
        }
        return null;
    }

    private async Task<string> SummaryAsync(Agreement a, CancellationToken ct)
    {
        var ids = a.Parties.Select(p => p.PartnerId).ToList();
        var names = await db.Set<Partner>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.NameEn + " (" + p.CountryCode + ")").ToListAsync(ct);
        var text = string.Join("\n",
            $"No. {a.Number} · {AgreementLabels.Of(a.Type)}",
            string.Join("; ", names),
            $"{a.EffectiveOn:yyyy-MM-dd} – {a.ExpiresOn:yyyy-MM-dd}",
            a.Title);
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>Numbers run per tenant and year of first submission: AGR-2026-0001, AGR-2026-0002 ...</summary>
    private async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var prefix = $"AGR-{Today.Year}-";
        var last = await db.Set<Agreement>().Where(x => x.Number != null && x.Number.StartsWith(prefix))
            .OrderByDescending(x => x.Number).Select(x => x.Number).FirstOrDefaultAsync(ct);
        var n = last is not null && int.TryParse(last[prefix.Length..], out var k) ? k + 1 : 1;
        return prefix + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Records the signing of an approved agreement: the signed date and an uploaded signed PDF are
    /// needed. The effective date defaults to the signed date; an expiry within the policy's
    /// expiring period makes it expiring at once. A renewal that comes into force marks the agreement
    /// it renews as renewed, in the same save.
    /// </summary>
    public async Task<AgreementOutcome> SignAsync(Guid id, SigningInput input, CancellationToken ct = default)
    {
        var a = await db.Set<Agreement>().Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return AgreementOutcome.NotFound;
        }
        if (a.Version != input.Version)
        {
            return AgreementOutcome.Stale;
        }
        if (a.State != AgreementState.ApprovedForSigning)
        {
            return NotIn(a);
        }
        if (await OpenHitAsync(screenings, a, ct) is { } hit)
        {
            return AgreementOutcome.Conflict(OpenHitMessage, hit.PartnerName, hit.ReviewLink);
        }
        var errors = new List<FieldError>();
        if (input.SignedOn is not { } signed)
        {
            errors.Add(new(nameof(SigningInput.SignedOn), "Enter the date the agreement was signed."));
        }
        else if (signed > Today)
        {
            errors.Add(new(nameof(SigningInput.SignedOn), "The signing date cannot be in the future."));
        }
        var effective = input.EffectiveOn ?? a.EffectiveOn ?? input.SignedOn;
        if (effective is { } from && a.ExpiresOn is { } to && to <= from)
        {
            errors.Add(new(nameof(SigningInput.EffectiveOn), "The effective date must be before the expiry date ({0:yyyy-MM-dd}).", to));
        }
        if (!await db.Set<AgreementDocument>().AnyAsync(d => d.AgreementId == id && d.Kind == AgreementDocumentKind.Signed, ct))
        {
            errors.Add(new(AgreementDocuments.Field, "Upload the signed agreement as a PDF (kind: signed agreement) before recording the signing."));
        }
        if (errors.Count > 0)
        {
            return AgreementOutcome.Invalid(errors);
        }
        var policy = await AgreementPolicy.LoadAsync(db, ct);
        a.SignedOn = input.SignedOn;
        a.EffectiveOn = effective;
        a.State = a.ExpiresOn is { } expiry && expiry < Today ? AgreementState.Expired
            : a.ExpiresOn is { } e && e <= Today.AddDays(policy.ExpiringDays) ? AgreementState.Expiring
            : AgreementState.Active;
        if (a.RenewsAgreementId is { } oldId && await db.Set<Agreement>().FirstOrDefaultAsync(x => x.Id == oldId, ct) is { } old
            && old.State is AgreementState.Active or AgreementState.Expiring or AgreementState.Expired)
        {
            old.State = AgreementState.Renewed;
        }
        return await SaveAsync(a, input.Version, ct);
    }

    public async Task<AgreementOutcome> TerminateAsync(Guid id, TerminationInput input, CancellationToken ct = default)
    {
        var a = await db.Set<Agreement>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return AgreementOutcome.NotFound;
        }
        if (a.Version != input.Version)
        {
            return AgreementOutcome.Stale;
        }
        if (!a.IsInForce)
        {
            return NotIn(a);
        }
        var errors = new List<FieldError>();
        if (input.TerminatedOn is not { } date)
        {
            errors.Add(new(nameof(TerminationInput.TerminatedOn), "Enter the date the agreement ends."));
        }
        else if (a.EffectiveOn is { } from && date < from)
        {
            errors.Add(new(nameof(TerminationInput.TerminatedOn), "The termination date cannot be before the effective date ({0:yyyy-MM-dd}).", from));
        }
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(new(nameof(TerminationInput.Reason), "Give the reason for the termination."));
        }
        else if (reason.Length > 1000)
        {
            errors.Add(new(nameof(TerminationInput.Reason), "Too long: at most {0} characters.", "1,000"));
        }
        if (errors.Count > 0)
        {
            return AgreementOutcome.Invalid(errors);
        }
        a.State = AgreementState.Terminated;
        a.TerminatedOn = input.TerminatedOn;
        a.TerminationReason = reason;
        return await SaveAsync(a, input.Version, ct);
    }

    /// <summary>
    /// Starts the renewal of an agreement in force or expired: a new draft linked to it with its
    /// type, title, parties, signatories (not yet signed), subject areas, notes and quotas moved to
    /// the academic years after its expiry, effective the day after it expires.
    /// </summary>
    public async Task<AgreementOutcome> RenewAsync(Guid id, long version, Guid userId, CancellationToken ct = default)
    {
        var old = await AgreementWriter.LoadAsync(db, id, ct);
        if (old is null)
        {
            return AgreementOutcome.NotFound;
        }
        if (old.Version != version)
        {
            return AgreementOutcome.Stale;
        }
        if (old.State is not (AgreementState.Active or AgreementState.Expiring or AgreementState.Expired))
        {
            return NotIn(old);
        }
        var pending = await db.Set<Agreement>().Where(x => x.RenewsAgreementId == id && x.State != AgreementState.Rejected)
            .Select(x => x.Number ?? x.Title).FirstOrDefaultAsync(ct);
        if (pending is not null)
        {
            return AgreementOutcome.Conflict("This agreement already has a renewal ({0}); continue with that one.", pending);
        }
        var renewal = Renewal(old, userId, clock.GetUtcNow().UtcDateTime);
        db.Add(renewal);
        await db.SaveChangesAsync(ct);
        return AgreementOutcome.Ok(renewal.Id);
    }

    public static Agreement Renewal(Agreement old, Guid userId, DateTime nowUtc)
    {
        var effective = old.ExpiresOn?.AddDays(1);
        var renewal = new Agreement
        {
            TenantId = old.TenantId, Title = old.Title, Type = old.Type, State = AgreementState.Draft, SigningUnitId = old.SigningUnitId,
            OfficerUserId = old.OfficerUserId, EffectiveOn = effective, AutoRenew = old.AutoRenew, RenewalMonths = old.RenewalMonths,
            SubjectAreas = old.SubjectAreas, Notes = old.Notes, CreatedUtc = nowUtc, CreatedByUserId = userId, RenewsAgreementId = old.Id,
        };
        if (effective is { } from && old.EffectiveOn is { } oldFrom && old.ExpiresOn is { } oldTo)
        {
            // The same term again, in whole years where the old term was about whole years.
            var days = oldTo.DayNumber - oldFrom.DayNumber + 1;
            var years = (int)Math.Round(days / 365.25);
            var to = years >= 1 ? oldTo.AddYears(years) : oldTo.AddDays(days);
            renewal.ExpiresOn = to > from ? to : from.AddYears(1);
        }
        renewal.Parties.AddRange(old.Parties.OrderBy(p => p.SortOrder).Select(p => new AgreementParty
        {
            TenantId = old.TenantId, AgreementId = renewal.Id, PartnerId = p.PartnerId, SortOrder = p.SortOrder,
        }));
        renewal.Signatories.AddRange(old.Signatories.OrderBy(s => s.SortOrder).Select(s => new AgreementSignatory
        {
            TenantId = old.TenantId, AgreementId = renewal.Id, PartnerId = s.PartnerId, Name = s.Name, Title = s.Title, SortOrder = s.SortOrder,
        }));
        if (old.Quotas.Count > 0)
        {
            // Academic years start in September: the first one after the expiry starts in the
            // expiry's year if the agreement ends before September, else in the next year.
            var firstYear = old.ExpiresOn is { } end
                ? (end.AddDays(1).Month <= 9 ? end.Year : end.Year + 1)
                : old.Quotas.Max(q => q.LastYear) + 1;
            var shift = Math.Max(0, firstYear - old.Quotas.Min(q => q.FirstYear));
            renewal.Quotas.AddRange(old.Quotas.OrderBy(q => q.SortOrder).Select(q => new AgreementQuota
            {
                TenantId = old.TenantId, AgreementId = renewal.Id, PartnerId = q.PartnerId, Direction = q.Direction, Kind = q.Kind,
                FirstYear = q.FirstYear + shift, LastYear = q.LastYear + shift, PlacesPerYear = q.PlacesPerYear,
                MonthsPerYear = q.MonthsPerYear, DaysPerYear = q.DaysPerYear, Blended = q.Blended, SubjectAreas = q.SubjectAreas,
                EqfLevels = q.EqfLevels, LanguageSkills = q.LanguageSkills, OtherTerms = q.OtherTerms, SortOrder = q.SortOrder,
            }));
        }
        return renewal;
    }

    private async Task<AgreementOutcome> SaveAsync(Agreement a, long version, CancellationToken ct)
    {
        db.ExpectVersion(a, version);
        return await db.TrySaveAsync(ct) is null ? AgreementOutcome.Ok(a.Id) : AgreementOutcome.Stale;
    }
}
