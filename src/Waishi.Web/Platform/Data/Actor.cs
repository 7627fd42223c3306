namespace Waishi.Web.Platform.Data;

/// <summary>Who is making the changes of the current request or command, for the audit log.</summary>
public sealed class Actor
{
    public Guid? UserId { get; private set; }
    public string Name { get; private set; } = "system";

    public void Set(Guid? userId, string name)
    {
        UserId = userId;
        Name = name;
    }
}
