// Entry of dist/mgt.js, the file a site owner pastes: installs window.mgt and replays the queue.
import { install } from './install';

install(window);
