/** Leaving the console for another site (Meta's login dialog); one seam, so tests can watch it. */
export const browser = {
  assign(url: string) {
    window.location.assign(url);
  },
};
