using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;

namespace Waishi.Web.Features.Visits;

/// <summary>What the visit form and the API post. Blank rows are ignored.</summary>
public sealed class VisitInput
{
    public Guid? UnitId { get; set; }
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public Guid? PartnerId { get; set; }
    public Guid? HostContactId { get; set; }
    public DateOnly? ArrivalDate { get; set; }
    public DateOnly? DepartureDate { get; set; }
    public VipLevel VipLevel { get; set; }
    public long Version { get; set; }
    public List<MemberRow> Members { get; set; } = [];
    public List<AgendaRow> Agenda { get; set; } = [];
    public List<BudgetRow> Budget { get; set; } = [];
    public List<GiftRow> Gifts { get; set; } = [];

    public sealed class MemberRow
    {
        public string? NameLatin { get; set; }
        public string? NameZh { get; set; }
        public string? Nationality { get; set; }
        public string? PassportNumber { get; set; }
        public DateOnly? BirthDate { get; set; }
        public VisitorSex? Sex { get; set; }
        public string? Title { get; set; }
        public string? Organisation { get; set; }
        public Guid? PartnerId { get; set; }
        public bool IsLeader { get; set; }
    }

    public sealed class AgendaRow
    {
        public AgendaItemKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? StartTime { get; set; }
        public TimeOnly? EndTime { get; set; }
        public string? Venue { get; set; }
        public string? Description { get; set; }
        /// <summary>Staff members who attend.</summary>
        public List<Guid> Attendees { get; set; } = [];
    }

    public sealed class BudgetRow
    {
        public VisitBudgetCategory Category { get; set; }
        public string? Description { get; set; }
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
    }

    public sealed class GiftRow
    {
        public string? Description { get; set; }
        public string? Recipient { get; set; }
        public decimal? Value { get; set; }
        public string? Currency { get; set; }
    }

    public static VisitInput From(Visit v) => new()
    {
        UnitId = v.UnitId, Title = v.Title, Purpose = v.Purpose, PartnerId = v.PartnerId, HostContactId = v.HostContactId,
        ArrivalDate = v.ArrivalDate, DepartureDate = v.DepartureDate, VipLevel = v.VipLevel, Version = v.Version,
        Members = [.. v.Members.OrderBy(m => m.SortOrder).Select(m => new MemberRow
        {
            NameLatin = m.NameLatin, NameZh = m.NameZh, Nationality = m.Nationality, PassportNumber = m.PassportNumber, BirthDate = m.BirthDate,
            Sex = m.Sex, Title = m.Title, Organisation = m.Organisation, PartnerId = m.PartnerId, IsLeader = m.IsLeader,
        })],
        Agenda = [.. v.Agenda.OrderBy(a => a.SortOrder).Select(a => new AgendaRow
        {
            Kind = a.Kind, Date = a.Date, StartTime = a.StartTime, EndTime = a.EndTime, Venue = a.Venue, Description = a.Description,
            Attendees = [.. a.Attendees.Select(x => x.StaffMemberId)],
        })],
        Budget = [.. v.Budget.OrderBy(l => l.SortOrder).Select(l => new BudgetRow { Category = l.Category, Description = l.Description, Amount = l.Amount, Currency = l.Currency })],
        Gifts = [.. v.Gifts.OrderBy(g => g.SortOrder).Select(g => new GiftRow { Description = g.Description, Recipient = g.Recipient, Value = g.Value, Currency = g.Currency })],
    };

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>Copies the fields onto <paramref name="visit"/> and replaces its rows with the
    /// non-blank ones here (blank rows are dropped first, so that error fields name the rows kept).</summary>
    public void ApplyTo(Visit visit)
    {
        if (UnitId is { } unit)
        {
            visit.UnitId = unit;
        }
        visit.Title = Title?.Trim() ?? "";
        visit.Purpose = TextFields.Optional(Purpose);
        visit.PartnerId = PartnerId;
        visit.HostContactId = HostContactId;
        visit.ArrivalDate = ArrivalDate;
        visit.DepartureDate = DepartureDate;
        visit.VipLevel = VipLevel;

        Members = [.. Members.Where(m => !Blank(m.NameLatin) || !Blank(m.NameZh) || !Blank(m.Organisation) || !Blank(m.PassportNumber))];
        Agenda = [.. Agenda.Where(a => a.Date is not null || !Blank(a.Description) || !Blank(a.Venue))];
        Budget = [.. Budget.Where(l => l.Amount is not null || !Blank(l.Description))];
        Gifts = [.. Gifts.Where(g => !Blank(g.Description) || !Blank(g.Recipient) || g.Value is not null)];

        visit.Members.Clear();
        visit.Members.AddRange(Members.Select((m, i) => new VisitMember
        {
            VisitId = visit.Id, NameLatin = m.NameLatin?.Trim() ?? "", NameZh = TextFields.Optional(m.NameZh),
            Nationality = m.Nationality?.Trim().ToUpperInvariant() ?? "", PassportNumber = TextFields.Optional(m.PassportNumber)?.ToUpperInvariant(),
            BirthDate = m.BirthDate, Sex = m.Sex, Title = TextFields.Optional(m.Title), Organisation = m.Organisation?.Trim() ?? "",
            PartnerId = m.PartnerId, IsLeader = m.IsLeader, SortOrder = i,
        }));
        visit.Agenda.Clear();
        visit.Agenda.AddRange(Agenda.Select((a, i) =>
        {
            var item = new VisitAgendaItem
            {
                VisitId = visit.Id, Kind = a.Kind, Date = a.Date ?? DateOnly.MinValue, StartTime = a.StartTime, EndTime = a.EndTime,
                Venue = TextFields.Optional(a.Venue), Description = a.Description?.Trim() ?? "", SortOrder = i,
            };
            item.Attendees.AddRange(a.Attendees.Where(id => id != Guid.Empty).Distinct()
                .Select(id => new VisitAgendaAttendee { AgendaItemId = item.Id, StaffMemberId = id, TenantId = visit.TenantId }));
            return item;
        }));
        visit.Budget.Clear();
        visit.Budget.AddRange(Budget.Select((l, i) => new VisitBudgetLine
        {
            VisitId = visit.Id, Category = l.Category, Description = TextFields.Optional(l.Description), Amount = l.Amount ?? 0m,
            Currency = Currency(l.Currency), SortOrder = i,
        }));
        visit.Gifts.Clear();
        visit.Gifts.AddRange(Gifts.Select((g, i) => new VisitGift
        {
            VisitId = visit.Id, Description = g.Description?.Trim() ?? "", Recipient = TextFields.Optional(g.Recipient), Value = g.Value,
            Currency = Currency(g.Currency), SortOrder = i,
        }));
        foreach (var child in visit.Members.Cast<TenantEntity>().Concat(visit.Agenda).Concat(visit.Budget).Concat(visit.Gifts))
        {
            child.TenantId = visit.TenantId;
        }
    }

    private static string Currency(string? code) => Blank(code) ? "CNY" : code!.Trim().ToUpperInvariant();
}
