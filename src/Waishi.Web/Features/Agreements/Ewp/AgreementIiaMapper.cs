using Waishi.Web.Features.Partners;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Ewp;

/// <summary>
/// Something that keeps an agreement from being exported: the message (English, the localiser's
/// key, with its arguments) says what to do, and <see cref="FixUrl"/> is the page where it is done.
/// </summary>
public sealed record IiaExportProblem(string Message, string? FixUrl, params object[] Arguments);

public sealed record IiaExportResult(Iia? Iia, IReadOnlyList<IiaExportProblem> Problems)
{
    public bool Ok => Iia is not null && Problems.Count == 0;
}

/// <summary>
/// Maps an agreement to the IIA v7 model. Partner 1 is us (our HEI id from the agreement policy,
/// our iia-id and the filing number as iia-code, our signatory and the responsible officer), partner
/// 2 the partner (its HEI id, its iia-id once linked, its signatory and contacts). Each quota is one
/// mobility specification: outgoing quotas send from us, incoming ones receive at us.
/// EWP agreements are bilateral; an agreement with several partners is refused rather than split,
/// because our agreement links to exactly one partner copy (<see cref="Agreement.EwpPartnerIiaId"/>).
/// </summary>
public static class AgreementIiaMapper
{
    public const string PolicyUrl = "/Agreements/Policy";

    public static string EditUrl(Guid agreementId) => $"/Agreements/Edit/{agreementId}";

    /// <summary>The iia-id we give an agreement at its first export: stable, and unique without a lookup.</summary>
    public static string NewIiaId(Agreement agreement) => agreement.Id.ToString("D");

    public static IiaExportResult Map(AgreementIiaSource source)
    {
        var agreement = source.Agreement;
        var problems = new List<IiaExportProblem>();
        if (source.OurHeiId is null)
        {
            problems.Add(new IiaExportProblem("Our institution's EWP HEI id is not set. Enter it on the agreement policy page.", PolicyUrl));
        }
        if (source.Partners.Count == 0)
        {
            problems.Add(new IiaExportProblem("The agreement has no partner institution. Add the partner to the agreement.", EditUrl(agreement.Id)));
            return new IiaExportResult(null, problems);
        }
        if (source.Partners.Count > 1)
        {
            problems.Add(new IiaExportProblem(
                "Erasmus Without Paper exchanges agreements between two institutions, and this agreement has {0} partners. Make one agreement per partner to exchange it.",
                EditUrl(agreement.Id), source.Partners.Count));
            return new IiaExportResult(null, problems);
        }
        var partner = source.Partners[0];
        if (string.IsNullOrWhiteSpace(partner.EwpHeiId))
        {
            problems.Add(new IiaExportProblem("The partner {0} has no EWP HEI id. Enter it on the partner's page.", $"/Partners/Edit/{partner.Id}", partner.NameEn));
        }

        var ourHei = source.OurHeiId ?? "";
        var theirHei = partner.EwpHeiId?.Trim() ?? "";
        var mobilities = new List<MobilitySpec>();
        var number = 0;
        foreach (var quota in agreement.Quotas.OrderBy(q => q.SortOrder))
        {
            number++;
            if (Mobility(agreement, quota, number, partner, ourHei, theirHei, problems) is { } spec)
            {
                mobilities.Add(spec);
            }
        }
        if (problems.Count > 0)
        {
            return new IiaExportResult(null, problems);
        }

        var us = new IiaPartner(ourHei,
            IiaId: agreement.EwpIiaId ?? NewIiaId(agreement),
            IiaCode: string.IsNullOrWhiteSpace(agreement.Number) ? null : agreement.Number,
            SigningContact: Signatory(agreement, null, out var ourDate),
            SigningDate: ourDate,
            Contacts: source.Officer is { } officer && !string.IsNullOrWhiteSpace(officer.Name)
                ? [Contact(officer.Name, officer.Email, null, null)] : []);
        var them = new IiaPartner(theirHei,
            IiaId: string.IsNullOrWhiteSpace(agreement.EwpPartnerIiaId) ? null : agreement.EwpPartnerIiaId,
            SigningContact: Signatory(agreement, partner.Id, out var theirDate),
            SigningDate: theirDate,
            Contacts: [.. partner.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).Select(c => Contact(c.Name, c.Email, c.Role, c.Phone))]);
        return new IiaExportResult(new Iia(us, them, agreement.IsInForce, new CooperationConditions(mobilities)), []);
    }

    private static MobilitySpec? Mobility(Agreement agreement, AgreementQuota quota, int number, Partner partner, string ourHei, string theirHei,
        List<IiaExportProblem> problems)
    {
        var edit = EditUrl(agreement.Id);
        object[] which = [number, AgreementLabels.Of(quota.Direction), AgreementLabels.Of(quota.Kind)];
        var before = problems.Count;
        void Problem(string message, params object[] more) => problems.Add(new IiaExportProblem(message, edit, [.. which, .. more]));

        if (quota.PartnerId != partner.Id)
        {
            Problem("Quota {0} ({1}, {2}) is for an institution that is not a partner of this agreement. Remove it or choose the partner.");
        }
        if (quota.PlacesPerYear < 1)
        {
            Problem("Quota {0} ({1}, {2}) has no places. Enter at least one place per year.");
        }
        if (quota.LastYear < quota.FirstYear || quota.FirstYear < 1900)
        {
            Problem("Quota {0} ({1}, {2}) ends before it starts. Correct its first and last academic years.");
        }
        var (areas, badAreas) = IiaQuotaTerms.SubjectAreas(quota.SubjectAreas);
        foreach (var bad in badAreas)
        {
            Problem("Quota {0} ({1}, {2}): the subject area \"{3}\" does not start with a four-digit ISCED-F code. Write it as \"0613 Software development\".", bad);
        }
        var (levels, badLevels) = IiaQuotaTerms.EqfLevels(quota.EqfLevels);
        foreach (var bad in badLevels)
        {
            Problem("Quota {0} ({1}, {2}): \"{3}\" is not an EQF level. Enter levels from 1 to 8 separated by commas.", bad);
        }
        var (skills, badSkills) = IiaQuotaTerms.LanguageSkills(quota.LanguageSkills);
        foreach (var bad in badSkills)
        {
            Problem("Quota {0} ({1}, {2}): the language skill \"{3}\" is not understood. Write a language code, a CEFR level and optionally an ISCED-F code, such as \"en B2\" or \"de B1 0613\".", bad);
        }
        if (problems.Count > before)
        {
            return null;
        }

        var outgoing = quota.Direction == MobilityDirection.Outgoing;
        var student = quota.Kind is MobilityKind.StudentStudies or MobilityKind.StudentTraineeship;
        return new MobilitySpec(quota.Kind,
            SendingHeiId: outgoing ? ourHei : theirHei,
            ReceivingHeiId: outgoing ? theirHei : ourHei,
            FirstAcademicYear: AgreementQuota.AcademicYear(quota.FirstYear),
            LastAcademicYear: AgreementQuota.AcademicYear(quota.LastYear),
            MobilitiesPerYear: quota.PlacesPerYear,
            LanguageSkills: skills,
            SubjectAreas: areas,
            OtherInfoTerms: string.IsNullOrWhiteSpace(quota.OtherTerms) ? null : quota.OtherTerms.Trim(),
            TotalMonthsPerYear: student && quota.MonthsPerYear > 0 ? quota.MonthsPerYear : null,
            Blended: student ? quota.Blended : null,
            EqfLevels: student ? levels : [],
            TotalDaysPerYear: !student && quota.DaysPerYear > 0 ? quota.DaysPerYear : null);
    }

    private static EwpContact? Signatory(Agreement agreement, Guid? partnerId, out DateOnly? signedOn)
    {
        var signatory = agreement.Signatories.Where(s => s.PartnerId == partnerId && !string.IsNullOrWhiteSpace(s.Name))
            .OrderBy(s => s.SortOrder).FirstOrDefault();
        signedOn = signatory?.SignedOn;
        return signatory is null ? null : Contact(signatory.Name, null, signatory.Title, null);
    }

    private static EwpContact Contact(string name, string? email, string? role, string? phone) =>
        new([new LangText(name.Trim())],
            Emails: IiaQuotaTerms.IsEwpEmail(email?.Trim()) ? [email!.Trim()] : [],
            RoleDescriptions: string.IsNullOrWhiteSpace(role) ? [] : [new LangText(role.Trim())],
            Phones: string.IsNullOrWhiteSpace(phone) ? [] : [new EwpPhone(OtherFormat: phone.Trim())]);
}
