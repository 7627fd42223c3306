namespace Waishi.Web.Platform.Api;

/// <summary>
/// Optional filters of a list request, read from the raw query string so that a malformed value is
/// a 400 naming the parameter rather than a silent mismatch. Each reader adds to <see cref="Errors"/>.
/// </summary>
public sealed class ApiQuery(HttpRequest request)
{
    public List<Data.FieldError> Errors { get; } = [];

    public string? Text(string name)
    {
        var value = request.Query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    public Guid? Id(string name)
    {
        var raw = Text(name);
        if (raw is null)
        {
            return null;
        }
        if (Guid.TryParse(raw, out var id))
        {
            return id;
        }
        Errors.Add(new(name, "{0} must be an id such as 0193a5b2-7c1d-7e00-8000-000000000000.", name));
        return null;
    }

    public bool? Flag(string name)
    {
        var raw = Text(name);
        if (raw is null)
        {
            return null;
        }
        if (bool.TryParse(raw, out var flag))
        {
            return flag;
        }
        Errors.Add(new(name, "{0} must be true or false.", name));
        return null;
    }

    public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum
    {
        var raw = Text(name);
        if (raw is null)
        {
            return null;
        }
        if (!raw.Any(char.IsDigit) && Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value))
        {
            return value;
        }
        Errors.Add(new(name, "{0} must be one of: {1}.", name, string.Join(", ", Enum.GetNames<TEnum>())));
        return null;
    }
}
