using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>
/// The checks of a visit request. A draft needs a title and rows that make sense; a submission
/// also needs the dates, the purpose and a delegation whose members have a name, a nationality and
/// an organisation, with the agenda inside the visit. Field names are those of <see cref="VisitInput"/>.
/// </summary>
public static partial class VisitRules
{
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    public static async Task<List<FieldError>> ValidateAsync(AppDbContext db, Visit visit, bool submit, DateOnly today, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(visit.Title))
        {
            errors.Add(new(nameof(Visit.Title), "Enter a title for the visit, such as \"Delegation of the University of Bristol\"."));
        }
        else if (visit.Title.Length > 200)
        {
            errors.Add(new(nameof(Visit.Title), "The title is too long: at most {0} characters.", 200));
        }
        if (visit.Purpose is { Length: > 2000 })
        {
            errors.Add(new(nameof(Visit.Purpose), "The purpose is too long: at most {0} characters.", 2000));
        }
        if (visit.PartnerId is { } partnerId && !await db.Set<Partner>().AnyAsync(p => p.Id == partnerId, ct))
        {
            errors.Add(new(nameof(Visit.PartnerId), "Choose the visiting institution from the partner list, or leave it empty."));
        }
        if (visit.HostContactId is { } contactId && !await db.Set<StaffMember>().AnyAsync(s => s.Id == contactId, ct))
        {
            errors.Add(new(nameof(Visit.HostContactId), "Choose the host contact from the staff directory, or leave it empty."));
        }
        if (visit.ArrivalDate is { } arrival && visit.DepartureDate is { } departure && departure < arrival)
        {
            errors.Add(new(nameof(Visit.DepartureDate), "The departure date must be on or after the arrival date."));
        }
        if (submit)
        {
            if (visit.ArrivalDate is null)
            {
                errors.Add(new(nameof(Visit.ArrivalDate), "Enter the date the visitors arrive."));
            }
            else if (visit.ArrivalDate < today)
            {
                errors.Add(new(nameof(Visit.ArrivalDate), "The arrival date {0:yyyy-MM-dd} has passed: a visit is requested before it takes place.", visit.ArrivalDate.Value));
            }
            if (visit.DepartureDate is null)
            {
                errors.Add(new(nameof(Visit.DepartureDate), "Enter the date the visitors leave."));
            }
            if (string.IsNullOrWhiteSpace(visit.Purpose))
            {
                errors.Add(new(nameof(Visit.Purpose), "Describe the purpose of the visit."));
            }
            if (visit.Members.Count == 0)
            {
                errors.Add(new(nameof(Visit.Members), "Add at least one member of the delegation."));
            }
        }
        await CheckMembersAsync(db, visit, submit, errors, ct);
        await CheckAgendaAsync(db, visit, errors, ct);
        CheckMoney(visit, errors);
        return errors;
    }

    private static async Task CheckMembersAsync(AppDbContext db, Visit visit, bool submit, List<FieldError> errors, CancellationToken ct)
    {
        var members = visit.Members.OrderBy(m => m.SortOrder).ToList();
        var partnerIds = members.Where(m => m.PartnerId is not null).Select(m => m.PartnerId!.Value).Distinct().ToList();
        var known = await db.Set<Partner>().Where(p => partnerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var n = i + 1;
            if (submit && string.IsNullOrWhiteSpace(m.NameLatin))
            {
                errors.Add(new($"Members[{i}].NameLatin", "Member {0}: enter the name as written in the passport (Latin letters).", n));
            }
            if (m.NameLatin.Length > 200 || m.NameZh is { Length: > 100 } || m.Title is { Length: > 200 } || m.Organisation.Length > 300
                || m.PassportNumber is { Length: > 40 })
            {
                errors.Add(new($"Members[{i}].NameLatin", "Member {0}: a name, title, organisation or passport number is too long.", n));
            }
            if (m.Nationality.Length > 0 && !CountryPattern().IsMatch(m.Nationality))
            {
                errors.Add(new($"Members[{i}].Nationality", "Member {0}: \"{1}\" is not a country code; use two capital letters such as DE, US or HK.", n, m.Nationality));
            }
            else if (submit && m.Nationality.Length == 0)
            {
                errors.Add(new($"Members[{i}].Nationality", "Member {0}: enter the nationality as a country code such as DE, US or HK.", n));
            }
            if (submit && string.IsNullOrWhiteSpace(m.Organisation))
            {
                errors.Add(new($"Members[{i}].Organisation", "Member {0}: enter the organisation the member comes from.", n));
            }
            if (m.BirthDate is { } born && (born.Year < 1900 || born > DateOnly.FromDateTime(DateTime.UtcNow)))
            {
                errors.Add(new($"Members[{i}].BirthDate", "Member {0}: the date of birth {1:yyyy-MM-dd} is not plausible.", n, born));
            }
            if (m.PartnerId is { } p && !known.Contains(p))
            {
                errors.Add(new($"Members[{i}].PartnerId", "Member {0}: choose the organisation from the partner list, or leave it empty.", n));
            }
        }
        if (members.Count(m => m.IsLeader) > 1)
        {
            errors.Add(new(nameof(Visit.Members), "Mark one member as the leader of the delegation, not {0}.", members.Count(m => m.IsLeader)));
        }
    }

    private static async Task CheckAgendaAsync(AppDbContext db, Visit visit, List<FieldError> errors, CancellationToken ct)
    {
        var items = visit.Agenda.OrderBy(a => a.SortOrder).ToList();
        var staffIds = items.SelectMany(a => a.Attendees).Select(a => a.StaffMemberId).Distinct().ToList();
        var known = await db.Set<StaffMember>().Where(s => staffIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var a = items[i];
            var n = i + 1;
            if (a.Date == DateOnly.MinValue)
            {
                errors.Add(new($"Agenda[{i}].Date", "Agenda item {0}: enter the date.", n));
            }
            else if ((visit.ArrivalDate is { } from && a.Date < from) || (visit.DepartureDate is { } to && a.Date > to))
            {
                errors.Add(new($"Agenda[{i}].Date", "Agenda item {0}: {1:yyyy-MM-dd} is outside the visit ({2:yyyy-MM-dd} – {3:yyyy-MM-dd}).",
                    n, a.Date, visit.ArrivalDate ?? a.Date, visit.DepartureDate ?? a.Date));
            }
            if (string.IsNullOrWhiteSpace(a.Description))
            {
                errors.Add(new($"Agenda[{i}].Description", "Agenda item {0}: say what happens (for example \"Meeting with the president\").", n));
            }
            else if (a.Description.Length > 1000 || a.Venue is { Length: > 200 })
            {
                errors.Add(new($"Agenda[{i}].Description", "Agenda item {0}: the description or the venue is too long.", n));
            }
            if (a.StartTime is { } start && a.EndTime is { } end && end <= start)
            {
                errors.Add(new($"Agenda[{i}].EndTime", "Agenda item {0}: the end time must be after the start time.", n));
            }
            if (a.Attendees.Any(x => !known.Contains(x.StaffMemberId)))
            {
                errors.Add(new($"Agenda[{i}].Attendees", "Agenda item {0}: choose the attending staff from the staff directory.", n));
            }
        }
    }

    private static void CheckMoney(Visit visit, List<FieldError> errors)
    {
        foreach (var (l, i) in visit.Budget.OrderBy(l => l.SortOrder).Select((l, i) => (l, i)))
        {
            if (l.Amount < 0 || l.Amount > 100_000_000m)
            {
                errors.Add(new($"Budget[{i}].Amount", "Budget line {0}: enter an amount between 0 and 100,000,000.", i + 1));
            }
            if (!CurrencyPattern().IsMatch(l.Currency))
            {
                errors.Add(new($"Budget[{i}].Currency", "Budget line {0}: \"{1}\" is not a currency code; use three capital letters such as CNY.", i + 1, l.Currency));
            }
        }
        foreach (var (g, i) in visit.Gifts.OrderBy(g => g.SortOrder).Select((g, i) => (g, i)))
        {
            if (string.IsNullOrWhiteSpace(g.Description))
            {
                errors.Add(new($"Gifts[{i}].Description", "Gift {0}: describe the gift.", i + 1));
            }
            if (g.Value is < 0 or > 10_000_000m)
            {
                errors.Add(new($"Gifts[{i}].Value", "Gift {0}: enter a value between 0 and 10,000,000.", i + 1));
            }
            if (!CurrencyPattern().IsMatch(g.Currency))
            {
                errors.Add(new($"Gifts[{i}].Currency", "Gift {0}: \"{1}\" is not a currency code; use three capital letters such as CNY.", i + 1, g.Currency));
            }
        }
    }
}
