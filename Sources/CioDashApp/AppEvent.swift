import CioDashCore
import CioDashRender

/// Everything that can happen to the dashboard, as one type: the shell turns its I/O into these,
/// and `AppCore.update` is the only place that decides what they mean.
public enum AppEvent: Sendable {
    /// A key press: resolved into a command once, by the input chain (`InputChain`).
    case key(Key)
    /// An input already resolved: a key the loop resolved (and logged), or a command or text a
    /// replayed command log names. It enters the input chain where a key does, at its first link.
    case input(Input)
    /// A command from another screen of the meeting (a speaker view driving the presenter): it
    /// takes the same path as the key of the same meaning, from the input chain's room link on.
    case command(Command)
    /// The clock moved: monotonic seconds and the wall-clock time for the banner.
    case tick(ScreenComposer.Clock)
    /// The folder was read again; `changed` names the files that differ (empty for a reload asked
    /// for with `r`), `asked` says the user asked (`r`), `sizes` gives each province file's size
    /// read after the load (`ReloadKeeper.sizes(of:folder:)`): what the core's reload rule needs to
    /// keep the last good data of files it does not trust (broken, shrunk at once, unreadable).
    case folderReloaded(LoadResult, changed: [String], asked: Bool = false, sizes: [String: Int64] = [:])
    /// A message from another screen of the meeting (the follow issue's network).
    case remote(RemoteMessage)
    /// What an effect the shell carried out came to.
    case effectFinished(EffectResult)
}
