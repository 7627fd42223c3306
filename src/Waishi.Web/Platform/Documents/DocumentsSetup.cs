namespace Waishi.Web.Platform.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddWaishiDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentRegister>();
        services.AddSingleton<CjkFont>();
        return services;
    }

    /// <summary>The address of the public check of a code, absolute when the site's public address
    /// is configured (Notifications:PublicBaseUrl), as printed on documents.</summary>
    public static string VerifyUrl(IConfiguration configuration, HttpRequest? request, string code)
    {
        var path = "/Public/Verify?code=" + VerificationCode.Format(code);
        if (configuration["Notifications:PublicBaseUrl"] is { Length: > 0 } root)
        {
            return root.TrimEnd('/') + path;
        }
        return request is null ? path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
