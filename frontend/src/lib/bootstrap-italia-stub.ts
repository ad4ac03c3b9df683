// Stands in for Bootstrap Italia's JavaScript bundle, which this SPA does not use:
// the React kit re-exports a video player that needs it, and nothing here renders one.
export class VideoPlayer {
  constructor() {
    throw new Error('Bootstrap Italia JavaScript is not bundled in this application')
  }
}
