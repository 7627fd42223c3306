using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Waishi.Web.Platform.Ewp;

/// <summary>The outcome of checking the iia-hash an IIA carries against the one its content gives.</summary>
public sealed record IiaHashCheck(string? Carried, string Computed, bool ValidForApproval)
{
    public bool Matches => Carried is not null && string.Equals(Carried.Trim(), Computed, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The iia-hash of the IIAs API v7: the SHA-256 (lower-case hex) of the UTF-8 "text to hash" that the
/// official transform (transform_version_7.xsl) builds from an iia element. The transform is XSLT 2.0,
/// which .NET does not run, so this class does what it does, step by step:
/// <list type="number">
/// <item>"_@terminated-as-a-whole@_" if cooperation-conditions has terminated-as-a-whole "true" or "1";</item>
/// <item>for each partner n (document order), "_iia-id_n=" + its iia-id + "_" (empty if it has none);</item>
/// <item>for each child of cooperation-conditions (each mobility spec, document order), every descendant
///   element in document order, skipping those inside a sending-contact or receiving-contact, the two
///   receiving academic years, and those that are (or are inside) an element with not-yet-defined
///   "true" or "1". For a kept element, each attribute but not-yet-defined and v6-value gives
///   "_@g.p.e.a=value@_" (local names of grandparent, parent, element, attribute); a kept element
///   without child elements gives "_p.e.x=value_" (local names of grandparent, parent, element), whose
///   value is its string value as parsed (whitespace untouched), or for isced-f-code its v6-value
///   attribute when that is not empty;</item>
/// <item>then, per mobility spec, "_receiving-first-academic-year-id=…_" and
///   "_receiving-last-academic-year-id=…_".</item>
/// </list>
/// Namespaces play no part (local names only), comments do not count, and nothing is sorted.
/// The transform looks for terminated-as-a-whole anywhere in the document; here it is the iia's own
/// cooperation-conditions, which is the same for the one-IIA documents the hash is computed on.
/// Parse the document with <see cref="LoadOptions.PreserveWhitespace"/> so that a value's
/// whitespace is what the XSLT processor would see.
/// </summary>
public static class IiaHash
{
    public static string TextToHash(XElement iia)
    {
        var text = new StringBuilder();
        var conditions = Child(iia, "cooperation-conditions");

        var terminated = conditions?.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName == "terminated-as-a-whole");
        if (terminated is not null && terminated.Any(a => a.Value is "true" or "1"))
            text.Append("_@terminated-as-a-whole@_");

        var n = 0;
        foreach (var partner in iia.Elements().Where(e => e.Name.LocalName == "partner"))
        {
            n++;
            DumpElement(text, Child(partner, "iia-id"), $"iia-id_{n}");
        }

        if (conditions is null)
            return text.ToString();

        foreach (var mobility in conditions.Elements())
        {
            foreach (var element in mobility.Descendants())
            {
                if (!Kept(element))
                    continue;
                foreach (var attribute in element.Attributes())
                {
                    if (attribute.IsNamespaceDeclaration)
                        continue;
                    if (attribute.Name == "not-yet-defined" || attribute.Name == "v6-value")
                        continue;
                    var parent = element.Parent;
                    text.Append("_@")
                        .Append(LocalName(parent?.Parent)).Append('.')
                        .Append(LocalName(parent)).Append('.')
                        .Append(element.Name.LocalName).Append('.')
                        .Append(attribute.Name.LocalName)
                        .Append('=').Append(attribute.Value).Append("@_");
                }
                if (!element.HasElements)
                {
                    var parent = element.Parent;
                    DumpElement(text, element,
                        $"{LocalName(parent?.Parent)}.{LocalName(parent)}.{element.Name.LocalName}");
                }
            }
            DumpElement(text, Child(mobility, "receiving-first-academic-year-id"), "receiving-first-academic-year-id");
            DumpElement(text, Child(mobility, "receiving-last-academic-year-id"), "receiving-last-academic-year-id");
        }
        return text.ToString();
    }

    /// <summary>The SHA-256 hex of <see cref="TextToHash"/>.</summary>
    public static string Compute(XElement iia) => Sha256Hex(TextToHash(iia));

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Compares the iia-hash the element carries with the computed one. The transform also says an
    /// IIA is not valid for approval while any value is not-yet-defined or carries a v6-value.
    /// </summary>
    public static IiaHashCheck Check(XElement iia)
    {
        var carried = Child(iia, "iia-hash")?.Value;
        var notValid = iia.DescendantsAndSelf().Any(e =>
            IsNotYetDefined(e) || e.Attributes().Any(a => a.Name == "v6-value" && a.Value.Length > 0));
        return new IiaHashCheck(carried, Compute(iia), !notValid);
    }

    static bool Kept(XElement element)
    {
        var name = element.Name.LocalName;
        if (name is "receiving-first-academic-year-id" or "receiving-last-academic-year-id")
            return false;
        if (element.Ancestors().Any(a => a.Name.LocalName is "sending-contact" or "receiving-contact"))
            return false;
        return !element.AncestorsAndSelf().Any(IsNotYetDefined);
    }

    static bool IsNotYetDefined(XElement e) =>
        e.Attribute("not-yet-defined")?.Value is "true" or "1";

    static void DumpElement(StringBuilder text, XElement? element, string name)
    {
        string value;
        if (element is null)
            value = "";
        else if (element.Name.LocalName == "isced-f-code" && element.Attribute("v6-value")?.Value is { Length: > 0 } v6)
            value = v6;
        else
            value = element.Value;
        text.Append('_').Append(name).Append('=').Append(value).Append('_');
    }

    static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    static string LocalName(XElement? e) => e?.Name.LocalName ?? "";
}
