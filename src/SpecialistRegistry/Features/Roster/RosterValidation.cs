using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace SpecialistRegistry.Features.Roster;

/// <summary>
/// The editor's field rules are DataAnnotations, which read a localized message from a static property named
/// by the attribute (ErrorMessageResourceType/Name): these properties give RosterText's text of the same name
/// in the current UI culture, for the form and the service alike.
/// </summary>
public static class RosterValidation
{
    private static readonly ResourceManager Texts = new("SpecialistRegistry.Features.Roster.RosterText", typeof(RosterText).Assembly);

    public static string EnterEmployeeNumber => Get();
    public static string EnterFullName => Get();
    public static string EnterLatinName => Get();
    public static string ChooseGender => Get();
    public static string EnterDateOfBirth => Get();
    public static string EnterNationality => Get();
    public static string EnterHireDate => Get();
    public static string YearsRange => Get();
    public static string EnterFieldOfStudy => Get();
    public static string EnterInstitution => Get();
    public static string EnterCountry => Get();
    public static string GraduationYearRange => Get();
    public static string EnterTitle => Get();
    public static string ResearchYearRange => Get();
    public static string EnterIssuingCountry => Get();
    public static string EnterIssueDate => Get();
    public static string EnterExpiryDate => Get();
    public static string TooLongField => Get();

    private static string Get([CallerMemberName] string key = "") =>
        Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"RosterText has no text {key}.");
}
