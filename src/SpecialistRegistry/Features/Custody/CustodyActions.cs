using Microsoft.Extensions.Localization;
using MudBlazor;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Features.Custody;

public enum CustodyAction
{
    HandIn,
    Release,
    Return,
    ReportLost,
    Retire,
    Replace,
    CorrectDetails,
}

/// <summary>Opens the dialog for an action; returns the logged outcome, or null when the officer cancelled.</summary>
public static class CustodyActions
{
    /// <summary>The actions the state machine allows from a status, in the order the officer needs them.</summary>
    public static IReadOnlyList<CustodyAction> AllowedFrom(CustodyStatus status) => status switch
    {
        CustodyStatus.NotHeld => [CustodyAction.HandIn, CustodyAction.Replace, CustodyAction.ReportLost, CustodyAction.Retire],
        CustodyStatus.Held => [CustodyAction.Release, CustodyAction.Replace, CustodyAction.ReportLost, CustodyAction.Retire, CustodyAction.CorrectDetails],
        CustodyStatus.Released => [CustodyAction.Return, CustodyAction.HandIn, CustodyAction.ReportLost, CustodyAction.Retire, CustodyAction.CorrectDetails],
        CustodyStatus.Lost => [CustodyAction.Replace, CustodyAction.Retire, CustodyAction.CorrectDetails],
        _ => [],
    };

    /// <summary>The button and dialog name of an action (CustodyText "Action_{action}").</summary>
    public static string Label(IStringLocalizer<CustodyText> T, CustodyAction action) => T[$"Action_{action}"];

    public static async Task<CustodyOutcome.Logged?> OpenAsync(IDialogService dialogs, IStringLocalizer<CustodyText> T, CustodyAction action, PassportSummary passport,
        string? lastLocation = null, Guid? travelRequestId = null)
    {
        var parameters = new DialogParameters { ["Passport"] = passport };
        // The hand-in title leaves the registry's number out: the officer reads it off the passport in hand.
        var title = action == CustodyAction.HandIn
            ? T["DialogTitleHandIn", Label(T, action), passport.HolderName].Value
            : T["DialogTitle", Label(T, action), passport.HolderName, passport.Number].Value;
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true };
        IDialogReference dialog = action switch
        {
            CustodyAction.HandIn => await dialogs.ShowAsync<HandInDialog>(title, parameters, options),
            CustodyAction.Release => await dialogs.ShowAsync<ReleaseDialog>(title, WithTrip(parameters, travelRequestId), options),
            CustodyAction.Return => await dialogs.ShowAsync<ReturnDialog>(title, WithLocation(parameters, lastLocation), options),
            CustodyAction.ReportLost => await dialogs.ShowAsync<CloseDialog>(title, WithLost(parameters, true), options),
            CustodyAction.Retire => await dialogs.ShowAsync<CloseDialog>(title, WithLost(parameters, false), options),
            CustodyAction.CorrectDetails => await dialogs.ShowAsync<CorrectDetailsDialog>(title, parameters, options),
            _ => await dialogs.ShowAsync<ReplaceDialog>(title, parameters, options),
        };
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CustodyOutcome.Logged logged } ? logged : null;
    }

    private static DialogParameters WithLocation(DialogParameters p, string? location)
    {
        p.Add("LastLocation", location);
        return p;
    }

    private static DialogParameters WithTrip(DialogParameters p, Guid? travelRequestId)
    {
        p.Add("TravelRequestId", travelRequestId);
        return p;
    }

    private static DialogParameters WithLost(DialogParameters p, bool lost)
    {
        p.Add("Lost", lost);
        return p;
    }
}
