using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Schema;

namespace Waishi.Web.Platform.Ewp;

/// <summary>A schema or well-formedness problem, with where it is (line and column, 1-based; 0 if unknown).</summary>
public sealed record EwpValidationMessage(int Line, int Column, bool IsError, string Message, string? Element = null)
{
    public override string ToString() =>
        Element is null ? $"line {Line}, column {Column}: {Message}" : $"line {Line}, column {Column}, <{Element}>: {Message}";
}

/// <summary>
/// Resolves every schema the EWP XSDs import to the copies shipped inside this assembly, and never
/// goes to the network. Schemas are addressed under <see cref="BaseUri"/>, so the relative
/// schemaLocation of an import ("../../ewp-specs-architecture-v1.16.0/common-types.xsd") lands on
/// the right file; the published addresses of the schemas (raw.githubusercontent.com, the namespace
/// URLs on github.com, the W3C xml.xsd) map to the same copies. Anything else is refused.
/// </summary>
public sealed class EwpSchemaResolver : XmlResolver
{
    public static readonly Uri BaseUri = new("https://ewp-schemas.invalid/");

    const string ResourcePrefix = "Waishi.Ewp.Schemas/";

    static readonly Dictionary<string, string> Published = new(StringComparer.OrdinalIgnoreCase)
    {
        [EwpNs.IiaSchemaUrl] = "ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd",
        [EwpNs.Iia] = "ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-api-iias/stable-v7/endpoints/index-response.xsd"] = "ewp-specs-api-iias-v7.0.0/endpoints/index-response.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-architecture/stable-v1/common-types.xsd"] = "ewp-specs-architecture-v1.16.0/common-types.xsd",
        [EwpNs.Common] = "ewp-specs-architecture-v1.16.0/common-types.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-contact/stable-v1/schema.xsd"] = "ewp-specs-types-contact-v1.1.0/schema.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-address/stable-v1/schema.xsd"] = "ewp-specs-types-address-v1.0.2/schema.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-phonenumber/stable-v1/schema.xsd"] = "ewp-specs-types-phonenumber-v1.0.1/schema.xsd",
        ["https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-academic-term/stable-v1/schema.xsd"] = "ewp-specs-types-academic-term-v1.1.0/schema.xsd",
        ["http://www.w3.org/2001/xml.xsd"] = "xml.xsd",
        ["https://www.w3.org/2001/xml.xsd"] = "xml.xsd",
    };

    /// <summary>The address a shipped schema file (path as under Schemas/) is known by.</summary>
    public static Uri UriOf(string file) => new(BaseUri, file);

    /// <summary>The shipped schema files, by their path under Schemas/.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(EwpSchemaResolver).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every address requested so far (tests use it to prove nothing left the machine).</summary>
    public List<Uri> Requested { get; } = [];

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
    {
        if (relativeUri is not null && Published.TryGetValue(relativeUri, out var known))
            return UriOf(known);
        return base.ResolveUri(baseUri ?? BaseUri, relativeUri);
    }

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        Requested.Add(absoluteUri);
        var file = FileFor(absoluteUri)
            ?? throw new XmlException($"The schema {absoluteUri} is not one of the EWP schemas shipped with Waishi; it is not fetched.");
        if (file == "xml.xsd")
            return new MemoryStream(Encoding.UTF8.GetBytes(XmlNamespaceSchema));
        return Open(file);
    }

    static string? FileFor(Uri uri)
    {
        if (Published.TryGetValue(uri.OriginalString, out var known))
            return known;
        if (uri.Scheme == BaseUri.Scheme && uri.Host == BaseUri.Host)
        {
            var path = uri.AbsolutePath.TrimStart('/');
            if (path == "xml.xsd" || Files.Contains(path))
                return path;
        }
        return null;
    }

    static Stream Open(string file)
    {
        var assembly = typeof(EwpSchemaResolver).Assembly;
        var name = assembly.GetManifestResourceNames()
            .First(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && n[ResourcePrefix.Length..].Replace('\\', '/') == file);
        return assembly.GetManifestResourceStream(name)!;
    }

    /// <summary>The part of the W3C schema for the xml: namespace that the EWP types use (xml:lang).</summary>
    const string XmlNamespaceSchema = """
        <?xml version="1.0"?>
        <xs:schema targetNamespace="http://www.w3.org/XML/1998/namespace"
                   xmlns:xs="http://www.w3.org/2001/XMLSchema" xml:lang="en">
          <xs:attribute name="lang">
            <xs:simpleType>
              <xs:union memberTypes="xs:language">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value=""/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:union>
            </xs:simpleType>
          </xs:attribute>
          <xs:attribute name="space">
            <xs:simpleType>
              <xs:restriction base="xs:NCName">
                <xs:enumeration value="default"/>
                <xs:enumeration value="preserve"/>
              </xs:restriction>
            </xs:simpleType>
          </xs:attribute>
          <xs:attribute name="base" type="xs:anyURI"/>
          <xs:attribute name="id" type="xs:ID"/>
        </xs:schema>
        """;
}

/// <summary>Validates IIAs API v7 documents against the shipped XSDs, offline.</summary>
public static class EwpSchemas
{
    static readonly Lazy<XmlSchemaSet> IiaGetResponseSet = new(() => Load("ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd"));

    /// <summary>The compiled schema set of the IIAs v7 get-response with everything it imports.</summary>
    public static XmlSchemaSet IiaGetResponse => IiaGetResponseSet.Value;

    /// <summary>Loads and compiles one shipped schema file and its imports; throws on a broken schema.</summary>
    public static XmlSchemaSet Load(string file, EwpSchemaResolver? resolver = null)
    {
        resolver ??= new EwpSchemaResolver();
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        var settings = new XmlReaderSettings { XmlResolver = resolver, DtdProcessing = DtdProcessing.Prohibit };
        using (var reader = XmlReader.Create(EwpSchemaResolver.UriOf(file).AbsoluteUri, settings))
            set.Add(null, reader);
        set.Compile();
        if (errors.Count > 0)
            throw new XmlSchemaException($"The EWP schema {file} does not load: {string.Join("; ", errors)}");
        return set;
    }

    /// <summary>Validates an IIAs v7 get-response; an empty list means it is valid.</summary>
    public static IReadOnlyList<EwpValidationMessage> ValidateIiaGetResponse(string xml) =>
        Validate(new StringReader(xml), IiaGetResponse);

    public static IReadOnlyList<EwpValidationMessage> ValidateIiaGetResponse(Stream xml) =>
        Validate(new StreamReader(xml), IiaGetResponse);

    public static IReadOnlyList<EwpValidationMessage> Validate(TextReader xml, XmlSchemaSet schemas)
    {
        var messages = new List<EwpValidationMessage>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            // Never follow the document's own schemaLocation hints: the set above is the contract.
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            XmlResolver = null,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (sender, e) => messages.Add(new EwpValidationMessage(
            e.Exception.LineNumber, e.Exception.LinePosition, e.Severity == XmlSeverityType.Error, e.Message,
            sender is XmlReader { LocalName.Length: > 0 } r ? r.LocalName : null));
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            while (reader.Read()) { }
        }
        catch (XmlException ex)
        {
            messages.Add(new EwpValidationMessage(ex.LineNumber, ex.LinePosition, true, ex.Message));
        }
        return messages;
    }
}
