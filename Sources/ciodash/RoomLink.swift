import CioDashApp
import CioDashRender

/// The meeting room's side of the dashboard's loop (`present --share`, `follow`): what the link
/// has for the app core, as events, and what it does with each new app state. The runner calls it
/// on the terminal's thread only; the network runs on threads of its own behind it.
protocol RoomLink: AnyObject {
    /// Readable when the network has something for the app core: the key wait watches it, so a
    /// slide from the network is painted at once.
    var wakeDescriptor: Int32? { get }
    /// Marks the starting state as sharing or following.
    func prepare(_ app: inout AppState)
    /// What arrived since the last call, as app events.
    func events(_ app: AppState) -> [AppEvent]
    /// After each round of events: a presenter publishes its state.
    func stateChanged(_ app: AppState)
    /// The speaker view asks the presenter for a slide command.
    func drive(_ command: Command)
    /// Quitting: a presenter says goodbye to its followers; a follower hangs up.
    func close()
}
