namespace Waishi.Web;

/// <summary>Anchor type of the shared UI strings: English text is the key, Resources/SharedResource.zh-CN.resx
/// holds the Chinese. Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>.</summary>
public sealed class SharedResource;
