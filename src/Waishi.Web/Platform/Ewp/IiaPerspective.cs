namespace Waishi.Web.Platform.Ewp;

/// <summary>
/// An IIA seen from one institution (ours, by HEI id): which partner is us and which the other
/// side, the other side's iia-id (to link to our agreement), the id it holds for our copy (if it
/// has bound the two), and the mobilities that go out of and come into our institution. This is
/// what an import into a draft agreement needs, whichever side served the response.
/// </summary>
public sealed record IiaPerspective(Iia Iia, IiaPartner Us, IiaPartner Them)
{
    /// <summary>The partner's own id of this agreement: store it on our agreement to link the two copies.</summary>
    public string? TheirIiaId => Them.IiaId;

    /// <summary>The id of our copy as the partner knows it (null until the partner has bound the two).</summary>
    public string? OurIiaIdAsTheyKnowIt => Us.IiaId;

    public IEnumerable<MobilitySpec> Outgoing => Iia.Conditions.Mobilities.Where(m => SameHei(m.SendingHeiId, Us.HeiId));

    public IEnumerable<MobilitySpec> Incoming => Iia.Conditions.Mobilities.Where(m => SameHei(m.ReceivingHeiId, Us.HeiId));

    /// <summary>The IIA as seen by <paramref name="ourHeiId"/>, or null if we are not one of its partners.</summary>
    public static IiaPerspective? Of(Iia iia, string ourHeiId)
    {
        if (SameHei(iia.Partner1.HeiId, ourHeiId))
            return new IiaPerspective(iia, iia.Partner1, iia.Partner2);
        if (SameHei(iia.Partner2.HeiId, ourHeiId))
            return new IiaPerspective(iia, iia.Partner2, iia.Partner1);
        return null;
    }

    /// <summary>
    /// True when the partner's copy names ours by the id we gave it, or does not name it yet; false
    /// when it names a different agreement of ours (an import must not link the two then).
    /// </summary>
    public bool LinksTo(string ourIiaId) => Us.IiaId is null || Us.IiaId == ourIiaId;

    static bool SameHei(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>One approval in an IIAs Approval response: which agreement (the approver's partner's iia-id) and which hash.</summary>
public sealed record IiaApproval(string IiaId, string IiaHash, string? PdfFile);

/// <summary>Reads the approvals of an IIAs Approval get-response (elements matched by local name).</summary>
public static class IiaApprovalReader
{
    public static IReadOnlyList<IiaApproval> Read(string xml)
    {
        var root = System.Xml.Linq.XDocument.Parse(xml).Root!;
        if (root.Name.LocalName != "iias-approval-response")
            throw new System.Xml.XmlException($"Expected <iias-approval-response>, found <{root.Name.LocalName}>.");
        return root.Elements().Where(e => e.Name.LocalName == "approval").Select(a => new IiaApproval(
            Child(a, "iia-id") ?? "",
            Child(a, "iia-hash") ?? "",
            Child(a, "pdf-file"))).ToList();
    }

    static string? Child(System.Xml.Linq.XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}

/// <summary>An agreement of an imported file, seen from our side, with the check of its hash.</summary>
public sealed record IiaImportCandidate(IiaPerspective View, IiaHashCheck Hash, int Line);

public sealed record IiaImportResult(IReadOnlyList<IiaImportCandidate> Agreements, IReadOnlyList<EwpReadError> Errors)
{
    public bool Ok => Errors.Count == 0 && Agreements.Count > 0;
}

/// <summary>
/// The first step of importing a partner's get-response into draft agreements: read and validate
/// the file, find our institution among the partners of each IIA (by HEI id) and check each
/// iia-hash. An IIA we are not part of, or whose hash does not match its content, is an error: it
/// must not become an agreement, and a wrong hash must never be approved.
/// </summary>
public static class IiaImport
{
    public static IiaImportResult Read(string xml, string ourHeiId)
    {
        var read = IiaReader.Read(xml);
        if (!read.Ok)
            return new IiaImportResult([], read.Errors);

        var errors = new List<EwpReadError>();
        var agreements = new List<IiaImportCandidate>();
        if (read.Iias.Count == 0)
            errors.Add(new EwpReadError(1, "iias-get-response", EwpProblem.NoAgreement));
        foreach (var iia in read.Iias)
        {
            var view = IiaPerspective.Of(iia.Model, ourHeiId);
            if (view is null)
            {
                errors.Add(new EwpReadError(iia.Line, "iia", EwpProblem.NotOurAgreement, ourHeiId));
                continue;
            }
            if (!iia.Hash.Matches)
                errors.Add(new EwpReadError(iia.Line, "iia-hash", EwpProblem.HashMismatch, iia.Hash.Computed));
            agreements.Add(new IiaImportCandidate(view, iia.Hash, iia.Line));
        }
        return new IiaImportResult(agreements, errors);
    }
}
