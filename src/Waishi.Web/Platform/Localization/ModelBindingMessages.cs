using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Waishi.Web.Platform.Localization;

/// <summary>
/// The messages model binding writes by itself (a letter typed into a number field, an empty
/// required value) in the reader's language, each naming the field and what to do.
/// </summary>
public static class ModelBindingMessages
{
    public static IServiceCollection AddLocalizedModelBindingMessages(this IServiceCollection services)
    {
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            Apply(options.ModelBindingMessageProvider, factory.Create(typeof(SharedResource))));
        return services;
    }

    private static void Apply(DefaultModelBindingMessageProvider messages, IStringLocalizer L)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => L["'{0}' is not a valid value for {1}.", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["'{0}' is not a valid value.", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => L["The value given for {0} is not valid.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The value given is not valid."]);
        messages.SetValueIsInvalidAccessor(value => L["'{0}' is not a valid value.", value]);
        messages.SetValueMustBeANumberAccessor(field => L["{0} must be a number: write digits only.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => L["Write a number: digits only."]);
        messages.SetValueMustNotBeNullAccessor(value => L["Enter a value: '{0}' is not allowed.", value]);
        messages.SetMissingBindRequiredValueAccessor(field => L["Enter a value for {0}.", field]);
        messages.SetMissingKeyOrValueAccessor(() => L["Enter a value."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => L["The request needs a body."]);
    }
}
