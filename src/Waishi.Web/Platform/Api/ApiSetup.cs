using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Waishi.Web.Platform.Api;

public static class ApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddWaishiApi(this IServiceCollection services)
    {
        services.AddScoped<ApiProblems>();
        // Binding failures (malformed JSON, wrong types) throw, so that ApiErrorsMiddleware can
        // answer them with a problem document that says what is wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "wsh_…",
                Description = "A personal access token created on the Access tokens page: Authorization: Bearer wsh_…",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }
}
